# Messages of the qualification rule family (English).

sup-lic-unregistered = The supplier { $party } has no qualification file (not registered).
sup-lic-individual = The supplier { $party } is an individual; wholesale trade with individuals is prohibited.
sup-lic-licence = The supplier { $party }'s licence is not valid on { $date }.
sup-lic-licence-expected = valid on { $date }
sup-lic-licence-actual = { $periods }
sup-lic-scope = Product { $product } ({ qualification-category }) is outside the licensed scope of the supplier { $party }.
sup-lic-scope-expected = { qualification-category } in scope
sup-lic-scope-actual = not in scope
sup-lic-product = Product { $product } bought from { $party } is not registered: no first-time product file (首营品种, a product_registered event) before this record.

cus-lic-unregistered = The customer { $party } has no qualification file (not registered).
cus-lic-individual = The customer { $party } is an individual; wholesale trade with individuals is prohibited.
cus-lic-licence = The customer { $party }'s licence is not valid on { $date }.
cus-lic-licence-expected = valid on { $date }
cus-lic-licence-actual = { $periods }
cus-lic-scope = Product { $product } ({ qualification-category }) is outside the licensed scope of the customer { $party }.
cus-lic-scope-expected = { qualification-category } in scope
cus-lic-scope-actual = not in scope
cus-lic-product = Product { $product } sold to { $party } is not registered: no product file (a product_registered event) before this sale.

# A product category, by its term.
qualification-category = { $category ->
        [chemical] chemical drugs
        [tcm_patent] Chinese patent medicines
        [tcm_pieces] TCM decoction pieces
        [biological] biological products
        [vaccine] vaccines
        [narcotic] narcotic drugs
        [psychotropic1] class-1 psychotropic drugs
        [psychotropic2] class-2 psychotropic drugs
        [medical_toxic] toxic drugs for medical use
        [radioactive] radioactive drugs
        [precursor] drug precursor chemicals
        [compound_ephedrine] compound ephedrine preparations
        [cold_chain] cold-chain drugs
       *[other] { $category }
    }

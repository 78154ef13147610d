# Glossary terms (English): every enumeration value of the event format, `term-Enum-value`. docs/glossary.md is generated from these.

term-AggregationAction-pack = pack
term-AggregationAction-unpack = unpack

term-Category-chemical = chemical drugs
term-Category-tcm_patent = Chinese patent medicines
term-Category-tcm_pieces = prepared Chinese herbal pieces
term-Category-biological = biological products
term-Category-vaccine = vaccines
term-Category-narcotic = narcotic drugs
term-Category-psychotropic1 = class-1 psychotropic drugs
term-Category-psychotropic2 = class-2 psychotropic drugs
term-Category-medical_toxic = toxic drugs for medical use
term-Category-radioactive = radioactive drugs
term-Category-precursor = pharmaceutical precursor chemicals
term-Category-compound_ephedrine = compound ephedrine preparations
term-Category-cold_chain = cold-chain (refrigerated and frozen) drugs

term-Channel-wholesale = wholesale
term-Channel-retail = retail

term-ControlClass-none = not specially controlled
term-ControlClass-narcotic = narcotic drug
term-ControlClass-psychotropic1 = class-1 psychotropic drug
term-ControlClass-psychotropic2 = class-2 psychotropic drug
term-ControlClass-medical_toxic = toxic drug for medical use
term-ControlClass-radioactive = radioactive drug
term-ControlClass-precursor = pharmaceutical precursor chemical
term-ControlClass-compound_ephedrine = compound ephedrine preparation

term-Designation-designated_manufacturer = designated manufacturer
term-Designation-national_wholesaler = national wholesaler
term-Designation-regional_wholesaler = regional wholesaler
term-Designation-designated_retail = designated retail pharmacy (class-2 psychotropics)
term-Designation-seal_card_holder = purchase-seal card (印鉴卡) holder

term-InvoiceDirection-purchase = purchase invoice
term-InvoiceDirection-sale = sales invoice

term-LicenceKind-drug_manufacturing = drug manufacturing licence
term-LicenceKind-drug_wholesale = drug trading licence (wholesale)
term-LicenceKind-drug_retail = drug trading licence (retail)
term-LicenceKind-medical_institution = medical institution practising licence
term-LicenceKind-public_health = public health body (CDC)
term-LicenceKind-transport = road transport licence

term-LossKind-loss = loss
term-LossKind-theft = theft

term-PartyKind-manufacturer = drug manufacturer
term-PartyKind-wholesaler = drug wholesaler
term-PartyKind-retail_chain = retail chain headquarters
term-PartyKind-retail_pharmacy = retail pharmacy
term-PartyKind-medical_institution = medical institution
term-PartyKind-cdc = centre for disease control
term-PartyKind-individual = private individual
term-PartyKind-carrier = carrier

term-PaymentDirection-outgoing = payment made
term-PaymentDirection-incoming = payment received

term-PaymentMethod-bank_transfer = bank transfer
term-PaymentMethod-acceptance_bill = bank acceptance bill
term-PaymentMethod-cheque = cheque
term-PaymentMethod-card = card
term-PaymentMethod-cash = cash

term-Quality-ok = fit to ship
term-Quality-defective = defective

term-Relation-self = this company
term-Relation-supplier = supplier
term-Relation-customer = customer
term-Relation-both = supplier and customer
term-Relation-other = other

term-StorageClass-frozen = frozen (−25 to −10 °C)
term-StorageClass-cold = refrigerated (2 to 8 °C)
term-StorageClass-cool = cool (at most 20 °C)
term-StorageClass-ambient = room temperature (10 to 30 °C)

term-TransferReason-relocation = relocation
term-TransferReason-quarantine = quarantine (locked)
term-TransferReason-release = release after re-inspection

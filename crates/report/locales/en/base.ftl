# Shared messages (English): terms and phrases several families use.

# A duration: whole hours ($parts h), hours and minutes (hm), or hours, minutes and seconds (hms).
duration-hms = { $parts ->
        [h] { $hours } h
        [hm] { $hours } h { $minutes } min
       *[hms] { $hours } h { $minutes } min { $seconds } s
    }

# An event kind ($kind), as a person names the record.
event-kind = { $kind ->
        [party_registered] party registration
        [licence_changed] licence change
        [product_registered] product registration
        [purchase] purchase order
        [receipt] receipt
        [put_away] put-away
        [transfer] transfer
        [sale] sale
        [outbound_review] outbound review
        [dispatch] dispatch
        [customer_return] customer return
        [supplier_return] return to supplier
        [destruction] destruction
        [stock_count] stock count
        [invoice] invoice
        [payment] payment
        [temperature_reading] temperature upload
        [loss_report] loss report
        [aggregation] aggregation
        [zone_registered] zone registration
       *[other] { $kind }
    }

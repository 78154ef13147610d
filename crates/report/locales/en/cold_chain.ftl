# Messages of the cold_chain rule family (English).

temp-zone = { $product } batch { $batch } (requires { $min }–{ $max } °C) was stored in zone { $zone }, which is kept at { $zone_min }–{ $zone_max } °C.
temp-zone-range = { $min }–{ $max } °C

# $kind: zone or vehicle.
temp-range = Temperature excursion in { $kind ->
        [zone] zone
       *[vehicle] vehicle
    } { $name }: { $from } to { $to } ({ $minutes } min), peak { $peak } °C, mean kinetic temperature { $mkt } °C; allowed { $min }–{ $max } °C.
temp-range-expected = { $min }–{ $max } °C
temp-range-actual = peak { $peak } °C for { $minutes } min, MKT { $mkt } °C

# $state: normal, or excursion when the gap fell in an excursion.
temp-gap = No temperature recorded for { $kind ->
        [zone] zone
       *[vehicle] vehicle
    } { $name } from { $from } to { $to } ({ $minutes } min; limit { $limit } min{ $state ->
        [excursion] {" "}during an excursion
       *[normal] {""}
    }).
temp-gap-expected = ≤ { $minutes } min
temp-gap-actual = { $minutes } min

cc-receipt = Receipt { $doc } accepted { $goods ->
        [vaccines] vaccines
       *[cold_chain] cold-chain goods
    } although { cc-receipt-actual }; it must be rejected.
cc-receipt-expected = in-range readings for the whole trip, or rejection
cc-receipt-actual = { $problem ->
        [no_transport] no transport record (vehicle, ship time) for cold-chain goods
        [not_cold_chain] vehicle { $vehicle } is not a temperature-controlled transport
        [no_readings] no temperature readings from vehicle { $vehicle } for the trip by { $by }, { $hours } h after its arrival, when its log was due
        [not_kept] readings of vehicle { $vehicle } from { $from } to { $to } are no longer kept (a vehicle's readings are kept 7 days before its latest one, a run of readings at most { $limit } min apart back to 30 days): the trip is longer than the readings kept
        [not_kept_late] readings of vehicle { $vehicle } from { $from } to { $to } are no longer kept (a vehicle's readings are kept 7 days before its latest one, and until 30 days after it): the receipt was recorded too long after its trip
        [not_covered] transport readings of vehicle { $vehicle } do not cover { $from } to { $to } (largest gap { $gap } min)
       *[out_of_range] { $readings } transport reading(s) of vehicle { $vehicle } outside { $min }–{ $max } °C, the first at { $first }, the farthest { $worst } °C
    }

cc-receipt-pending = Receipt { $doc } accepted { $goods ->
        [vaccines] vaccines
       *[cold_chain] cold-chain goods
    } and waits for the temperature log of vehicle { $vehicle }: so far { cc-receipt-actual }.
cc-receipt-closed-by = readings of vehicle { $vehicle } from { $from } to { $to }, at most { $limit } min apart, within { $min }–{ $max } °C

vac-dispose-isolate = { $units } units ({ $unit }) of vaccine { $product } batch { $batch } stayed in { $zone } after its temperature excursion instead of being isolated within { $days } days, by { $by }.
# The figures of a vaccine left where an excursion hit it: what should be there by the deadline
# $by (isolation), and what was.
vac-dispose-isolate-expected = none left in { $zone } by { $by }
vac-dispose-isolate-actual = { $units } ({ $unit }) still in { $zone }
# $expiry: the expiry date; $by: the deadline (isolation: the day after expiry; disposal: the
# disposal window later); $places: where the units were at the deadline ("CR-1 5, QA 2").
vac-dispose-expired = { $units } units ({ $unit }) of vaccine { $product } batch { $batch }, expired on { $expiry }, were { $step ->
        [dispose] not disposed of
       *[isolate] not isolated
    } by { $by } (still at { $places }).
vac-dispose-expired-expected = { $step ->
        [dispose] none left in stock
       *[isolate] none left outside quarantine
    } by { $by }
vac-dispose-expired-actual = { $units } ({ $unit }): { $places }
vac-dispose-isolate-pending = { $units } units ({ $unit }) of vaccine { $product } batch { $batch } are still in { $zone } after its temperature excursion.
vac-dispose-isolate-closed-by = moving them out of { $zone } (isolation)
vac-dispose-expired-pending = { $units } units ({ $unit }) of vaccine { $product } batch { $batch }, expired on { $expiry }, are not yet { $step ->
        [dispose] disposed of
       *[isolate] isolated
    }.
vac-dispose-expired-closed-by = { $step ->
        [dispose] their destruction
       *[isolate] moving them to quarantine
    }

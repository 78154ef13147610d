# Messages of the temp_integrity rule family (English).
# $kind, $orig_kind: zone or vehicle.

temp-copy = Readings of { $kind ->
        [zone] zone
       *[vehicle] vehicle
    } { $name } (sensor { $sensor }) from { $from } to { $to } ({ $readings } readings) repeat value for value, to within { $resolution } °C, those of { $orig_kind ->
        [zone] zone
       *[vehicle] vehicle
    } { $orig_name } (sensor { $orig_sensor }) from { $orig_from } to { $orig_to }.
temp-copy-expected = readings of their own
temp-copy-actual = a copy of { $orig_from } to { $orig_to }

temp-flat = Sensor { $sensor } of { $kind ->
        [zone] zone
       *[vehicle] vehicle
    } { $name } reported the identical value { $value } °C { $readings } times from { $from } to { $to } ({ $minutes } min; limit { $limit } min).
temp-flat-expected = changing readings within { $limit } min
temp-flat-actual = { $value } °C for { $minutes } min

temp-backfill = The upload of sensor { $sensor } for { $kind ->
        [zone] zone
       *[vehicle] vehicle
    } { $name } at { $upload } holds readings taken more than { $limit } hours before it: { $readings }, the oldest at { $oldest } ({ $hours } hours before the upload).
temp-backfill-expected = uploaded within { $limit } h of the reading
temp-backfill-actual = uploaded { $hours } h after the reading

temp-future = The upload of sensor { $sensor } for { $kind ->
        [zone] zone
       *[vehicle] vehicle
    } { $name } at { $upload } holds readings dated after it: { $readings }, the latest at { $latest } ({ $minutes } min after the upload; tolerated { $limit } min).
temp-future-expected = readings taken before the upload (clock tolerance { $limit } min)
temp-future-actual = a reading { $minutes } min after the upload

# $installed: other_zone (the sensor is registered to zone $zone) or unregistered.
temp-sensor-zone = Sensor { $sensor } reported { $readings } readings for zone { $name }, whose registered sensors are { $registered }; { $installed ->
        [other_zone] { $sensor } is installed in zone { $zone }
       *[unregistered] { $sensor } is registered to no zone
    }.
temp-sensor-vehicle = Sensor { $sensor }, installed in storage zone { $zone }, reported { $readings } readings for vehicle { $name }.
temp-sensor-expected = { $kind ->
        [zone] a sensor registered to { $name }: { $registered }
       *[vehicle] the vehicle's own logger
    }
temp-sensor-actual = { $installed ->
        [other_zone] { $sensor }, a sensor of zone { $zone }
       *[unregistered] { $sensor }, registered to no zone
    }

temp-conflict = Sensor { $sensor } uploaded readings for { $kind ->
        [zone] zone
       *[vehicle] vehicle
    } { $name } that disagree with its upload in record { $record } by more than { $resolution } °C: { $readings }, the first at { $at } ({ $before } °C there, { $after } °C here).
temp-conflict-expected = { $before } °C at { $at }, as in record { $record }
temp-conflict-actual = { $after } °C

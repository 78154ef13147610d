//! A larger wholesaler: the default world repeated in *lanes*. Lane 0 is the default world
//! unchanged; each further lane `k` adds its own copy of the six customers (parties appended
//! after the second wholesaler), of the fifteen products (appended to the catalogue, bought
//! only by the lane's customers) and of the four storage zones (with their sensors). The owner,
//! the manufacturers and the second wholesaler are shared, so a lane's purchases go to the same
//! suppliers. Each lane's flows are the default world's flows, so the event mix stays the same
//! and the number of events per simulated day grows with the number of lanes.
//!
//! Copies differ from their original in every identifier a rule keys on: party id (the first 13
//! characters of the original and `L` + four digits of the lane), licence number and bank
//! account (the lane appended), product code (digits 9–12 of the original replaced by the lane)
//! and unit-code prefix (from the product's position in the catalogue), zone and sensor ids
//! (`-` + three digits of the lane appended). Batch numbers are unique per product already.

use super::{CustomerDef, World};

/// Most lanes a world can have (zone ids carry three digits of the lane, unit-code prefixes six
/// digits of the product's position).
pub const MAX_LANES: u32 = 1000;

// The largest world (fifteen products a lane) still has seven-digit unit-code prefixes.
const _: () = assert!(100_000 + MAX_LANES * 15 * 37 < 1_000_000);

/// Appends lanes `1..lanes` to the default world `w` (nothing when `lanes <= 1`).
pub(super) fn add_lanes(w: &mut World, lanes: u32) {
    let products = w.products.len();
    let zones = w.zones.len();
    let customers = w.customers.clone();
    for k in 1..lanes.min(MAX_LANES) {
        let lane = k as usize;
        for z in 0..zones {
            let mut zone = w.zones[z].clone();
            zone.id = format!("{}-{k:03}", zone.id);
            zone.sensor = format!("{}-{k:03}", zone.sensor);
            w.zones.push(zone);
        }
        for p in 0..products {
            let mut product = w.products[p].clone();
            product.code = format!("{}{k:04}{}", &product.code[..8], &product.code[12..]);
            let at = u32::try_from(lane * products + p + 1).unwrap_or(u32::MAX);
            product.code_prefix = format!("8{:06}", 100_000 + at * 37);
            product.zone += lane * zones;
            w.products.push(product);
        }
        for c in &customers {
            let mut party = w.parties[c.party].clone();
            party.id = format!("{}L{k:04}", &party.id[..13]);
            party.licence.number = format!("{}-L{k:04}", party.licence.number).into();
            party.account = format!("{}{k:04}", party.account);
            w.customers.push(CustomerDef {
                party: w.parties.len(),
                consignee: c.consignee.clone(),
                buys: c
                    .buys
                    .iter()
                    .map(|&(p, q, per_week)| (p + lane * products, q, per_week))
                    .collect(),
            });
            w.parties.push(party);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::super::World;

    #[test]
    fn one_lane_is_the_default_world() {
        let w = World::scaled(1);
        assert_eq!(
            (
                w.parties.len(),
                w.products.len(),
                w.customers.len(),
                w.zones.len()
            ),
            (12, 15, 6, 4)
        );
    }

    #[test]
    fn lanes_copy_customers_products_and_zones_with_unique_ids() {
        let w = World::scaled(40);
        assert_eq!(w.parties.len(), 12 + 39 * 6);
        assert_eq!(w.products.len(), 40 * 15);
        assert_eq!(w.customers.len(), 40 * 6);
        assert_eq!(w.zones.len(), 40 * 4);
        let unique = |v: Vec<&str>| v.iter().collect::<BTreeSet<_>>().len() == v.len();
        assert!(unique(w.parties.iter().map(|p| p.id.as_str()).collect()));
        assert!(unique(
            w.parties.iter().map(|p| p.account.as_str()).collect()
        ));
        assert!(unique(w.products.iter().map(|p| p.code.as_str()).collect()));
        assert!(unique(
            w.products.iter().map(|p| p.code_prefix.as_str()).collect()
        ));
        assert!(unique(w.zones.iter().map(|z| z.id.as_str()).collect()));
        assert!(unique(w.zones.iter().map(|z| z.sensor.as_str()).collect()));
        assert!(w.parties.iter().all(|p| p.id.len() == 18));
        assert!(w
            .products
            .iter()
            .all(|p| p.code.len() == 14 && p.code_prefix.len() == 7));
        // A lane's customers buy the lane's products, stored in the lane's zones.
        for (i, c) in w.customers.iter().enumerate() {
            let lane = i / 6;
            for &(p, _, _) in &c.buys {
                assert_eq!(p / 15, lane);
                assert_eq!(w.products[p].zone / 4, lane);
            }
        }
    }
}

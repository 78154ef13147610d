//! The generated stream is locked: scenarios, samples and recall figures depend on the exact
//! events (and on the order in which simulation and planting draw random numbers). A deliberate
//! change to the generator updates these fingerprints; an accidental one fails here first.

use rxledger_gen::{GenConfig, Generator};

/// FNV-1a, 64 bits.
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h
}

const FNV_OFFSET: u64 = 0xCBF2_9CE4_8422_2325;

/// (events as JSON Lines, manifest as `RULE SEQ CERTAIN_AT` lines) fingerprints of the first
/// `n` events of `config`.
fn fingerprint(config: GenConfig, n: usize) -> (u64, u64) {
    let mut g = Generator::new(config);
    let mut events = FNV_OFFSET;
    for e in g.by_ref().take(n) {
        events = fnv(events, &e.to_json_bytes());
        events = fnv(events, b"\n");
    }
    let mut manifest = FNV_OFFSET;
    for p in g.manifest(n as u64) {
        let line = format!("{} {} {}\n", p.rule, p.seq, p.certain_at.to_rfc3339());
        manifest = fnv(manifest, line.as_bytes());
    }
    (events, manifest)
}

#[test]
fn streams_are_unchanged() {
    // (seed, violations, events, (events fingerprint, manifest fingerprint)); the clean
    // ledger's manifest is empty. Manifests changed on purpose since the split: CC-RECEIPT is
    // certain after the engine's logger settle window (4 h); the temperature data integrity
    // rules plant with violations on. Event fingerprints changed with format 2 (`"v":2`, refs
    // as lists); the events are otherwise the same (manifests unchanged).
    let cases = [
        (1, 0.0, 20_000, (0x37b4_66b1_8ae8_528d, FNV_OFFSET)),
        (
            3,
            0.05,
            20_000,
            (0x3d81_e843_4ecd_01ad, 0x57d7_a303_402a_a649),
        ),
        (
            2,
            1.0,
            10_000,
            (0xaa97_5298_eefc_5aeb, 0x6a91_c7c1_c5d8_3986),
        ),
    ];
    for (seed, violations, n, expected) in cases {
        let config = GenConfig {
            seed,
            violations,
            ..GenConfig::default()
        };
        let got = fingerprint(config, n);
        assert_eq!(
            got, expected,
            "seed {seed}, violations {violations}: fingerprints {:#018x} {:#018x}",
            got.0, got.1
        );
    }
}

//! Writes a long temperature log (JSON Lines events) to stdout: by default a year of one-minute
//! readings from ten sensors with planted excursions and gaps (`rxledger_gen::sensors`).
//!
//! ```sh
//! cargo run --release --example sensor_log -- [DAYS] [ZONES] > year.jsonl
//! rxledger init Y && rxledger append Y year.jsonl && rxledger report Y -o year.html
//! ```

use std::io::Write as _;

use rxledger::gen::sensors::{sensor_log, SensorLog};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut cfg = SensorLog::default();
    if let Some(days) = args.next() {
        cfg.days = days.parse()?;
    }
    if let Some(zones) = args.next() {
        cfg.zones = zones.parse()?;
    }
    let (events, excursions, gaps) = sensor_log(&cfg);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for e in &events {
        out.write_all(&e.to_json_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    eprintln!(
        "{} events; planted {} excursions and {} gaps",
        events.len(),
        excursions.len(),
        gaps.len()
    );
    Ok(())
}

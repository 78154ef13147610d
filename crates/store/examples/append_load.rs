//! A fixed append workload for whole-process timing: `append_load DIR [BATCHES]` appends BATCHES
//! (default 300) batches of 1,000 event-like payloads of about 900 bytes, each with its own id,
//! to a new file-store ledger at DIR, each batch durable before the next.

use rxledger_store::{FileStore, Store};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: append_load DIR [BATCHES]")?;
    let batches: u64 = args.next().map_or(Ok(300), |b| b.parse())?;
    let _ = std::fs::remove_dir_all(&dir);
    FileStore::init(&dir)?;
    let mut store = FileStore::open(&dir)?;
    let filler = "阿莫西林胶囊 0.25g×24粒 ".repeat(28);
    for b in 0..batches {
        let payloads: Vec<Vec<u8>> = (0..1000u64)
            .map(|i| {
                let n = b * 1000 + i;
                format!(
                    r#"{{"v":1,"id":"01a0f3e7-0a00-7aec-8f39-{n:012x}","kind":"demo","data":"{filler}"}}"#
                )
                .into_bytes()
            })
            .collect();
        let refs: Vec<&[u8]> = payloads.iter().map(Vec::as_slice).collect();
        store.append_at(&refs, "2026-11-24T08:00:00.000000Z")?;
    }
    println!("{}", store.head().seq);
    Ok(())
}

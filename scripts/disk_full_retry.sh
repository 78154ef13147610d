#!/usr/bin/env bash
# Disk full and retry: a ledger on a small tmpfs runs out of space during `rxledger append`; the
# command must fail saying how many events became durable, and after space is freed the same
# command, run again, must complete it with every event exactly once and the chain verifying.
# Several rounds fill the disk at different points (the filler file leaves less room each round).
#
# Usage (as root, for `mount`): scripts/disk_full_retry.sh [EVENTS] [SEED]   (defaults: 40000 1)
# Needs a release build (built if missing): cargo build --release -p rxledger-cli
# Not part of CI.
set -euo pipefail

EVENTS=${1:-40000}
SEED=${2:-1}
BATCH=1000
SIZE_MB=64
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${RXLEDGER:-$ROOT/target/release/rxledger}
if [ ! -x "$BIN" ]; then
    cargo build --release -p rxledger-cli --manifest-path "$ROOT/Cargo.toml"
fi
WORK=$(mktemp -d)
MNT="$WORK/disk"
mkdir -p "$MNT"
mount -t tmpfs -o size=${SIZE_MB}m rxledger-full "$MNT"
trap 'umount "$MNT" 2>/dev/null; rm -rf "$WORK"' EXIT
IN="$WORK/events.jsonl"
"$BIN" gen --events "$EVENTS" --seed "$SEED" >"$IN"
INPUT_MB=$(($(stat -c %s "$IN") / 1048576))
echo "events: $EVENTS (seed $SEED, ${INPUT_MB} MiB of input), ledger on a ${SIZE_MB} MiB tmpfs"

start=$(date +%s)
round=0
for room_mb in 8 17 23 31 39; do
    round=$((round + 1))
    L="$MNT/L"
    "$BIN" init "$L" >/dev/null
    # Leave room_mb MiB free.
    avail_kb=$(df -k --output=avail "$MNT" | tail -n 1)
    fill_kb=$((avail_kb - room_mb * 1024))
    dd if=/dev/zero of="$MNT/filler" bs=1024 count="$fill_kb" status=none
    set +e
    "$BIN" append "$L" "$IN" --batch-size "$BATCH" >"$WORK/out" 2>"$WORK/err"
    code=$?
    set -e
    said=$(grep -o '[0-9]* events of this run became durable' "$WORK/err" || true)
    rm -f "$MNT/filler"
    durable=$("$BIN" verify "$L" | sed -n 's/^ok: \([0-9]*\) records verified.*/\1/p')
    echo "round $round (${room_mb} MiB free): exit $code, $(grep -o 'No space left on device' "$WORK/err" | head -n 1), said \"${said}\", ledger holds $durable records"
    if [ "$code" -ne 2 ] || [ -z "$said" ]; then
        echo "FAILED: expected a disk-full failure saying what became durable" >&2
        cat "$WORK/err" >&2
        exit 1
    fi
    if [ "${said%% *}" -ne "$durable" ]; then
        echo "FAILED: said ${said%% *} durable, ledger holds $durable" >&2
        exit 1
    fi
    "$BIN" append "$L" "$IN" --batch-size "$BATCH" | sed 's/^/  re-run: /'
    "$BIN" verify "$L" >/dev/null
    "$BIN" export "$L" -o "$WORK/x.jsonl" >/dev/null
    total=$(wc -l <"$WORK/x.jsonl")
    # Every record's event id (any format version); each record must show one.
    grep -o '"event":{"v":[0-9]*,"id":"[^"]*"' "$WORK/x.jsonl" >"$WORK/ids"
    if [ "$(wc -l <"$WORK/ids")" -ne "$total" ]; then
        echo "FAILED: could not read the event id of every record" >&2
        exit 1
    fi
    dups=$(sort "$WORK/ids" | uniq -d | wc -l)
    rm -f "$WORK/x.jsonl"
    echo "  after the re-run: $total records, $dups duplicated ids, verify ok"
    if [ "$total" -ne "$EVENTS" ] || [ "$dups" -ne 0 ]; then
        echo "FAILED: expected $EVENTS records and no duplicate" >&2
        exit 1
    fi
    rm -rf "$L"
done
end=$(date +%s)
echo "summary: $round disk-full failures, each re-run completed the append with every event exactly once, verify ok; $((end - start)) s"

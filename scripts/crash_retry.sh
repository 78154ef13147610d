#!/usr/bin/env bash
# Crash and retry: `rxledger append` of a generated events file is killed with SIGKILL at random
# moments, and after every kill the same command is run again. A round ends when a run finishes
# by itself; then every event must be in the ledger exactly once and the chain must verify.
# Rounds (each on a fresh ledger) go on until at least KILLS kills have landed on a running append.
#
# After each kill the script also compares the ledger with the acknowledgements printed so far
# (`--ack`): everything acknowledged must be durable, and at most one batch more may be durable
# than acknowledged (a kill between the batch's sync and its acknowledgement; the re-run finds that
# batch already present and acknowledges it).
#
# Usage: scripts/crash_retry.sh [KILLS] [EVENTS] [SEED]      (defaults: 30 300000 1)
# Needs a release build (built if missing): cargo build --release -p rxledger-cli
# Not part of CI (minutes). Prints one line per kill and a summary.
set -euo pipefail

KILLS=${1:-30}
EVENTS=${2:-300000}
SEED=${3:-1}
BATCH=1000
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${RXLEDGER:-$ROOT/target/release/rxledger}
if [ ! -x "$BIN" ]; then
    cargo build --release -p rxledger-cli --manifest-path "$ROOT/Cargo.toml"
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
IN="$WORK/events.jsonl"
"$BIN" gen --events "$EVENTS" --seed "$SEED" >"$IN"

# How long one uninterrupted append takes: kills are drawn uniformly within it.
"$BIN" init "$WORK/probe" >/dev/null
t0=$(date +%s%N)
"$BIN" append "$WORK/probe" "$IN" --batch-size "$BATCH" >/dev/null
t1=$(date +%s%N)
rm -rf "$WORK/probe"
FULL_MS=$(((t1 - t0) / 1000000))
echo "events: $EVENTS (seed $SEED), batch $BATCH, one uninterrupted append: ${FULL_MS} ms"

records() { # durable records of a ledger directory (verified)
    "$BIN" verify "$1" 2>/dev/null | sed -n 's/^ok: \([0-9]*\) records verified.*/\1/p'
}

# Checks one finished round: every event exactly once, the chain verifies.
check_round() {
    local l=$1
    "$BIN" verify "$l" >/dev/null
    "$BIN" export "$l" -o "$WORK/x.jsonl" >/dev/null
    local total dups
    total=$(wc -l <"$WORK/x.jsonl")
    # Every record's event id (any format version); each record must show one.
    grep -o '"event":{"v":[0-9]*,"id":"[^"]*"' "$WORK/x.jsonl" >"$WORK/ids"
    if [ "$(wc -l <"$WORK/ids")" -ne "$total" ]; then
        echo "FAILED: could not read the event id of every record" >&2
        exit 1
    fi
    dups=$(sort "$WORK/ids" | uniq -d | wc -l)
    rm -f "$WORK/x.jsonl"
    echo "  round $round: $total records, $dups duplicated ids, verify ok"
    if [ "$total" -ne "$EVENTS" ] || [ "$dups" -ne 0 ]; then
        echo "FAILED: expected $EVENTS records and no duplicate" >&2
        exit 1
    fi
}

start=$(date +%s)
kills=0
round=0
ahead=0
runs=0
while [ "$kills" -lt "$KILLS" ]; do
    round=$((round + 1))
    L="$WORK/L$round"
    "$BIN" init "$L" >/dev/null
    acked=0 # the highest head acknowledged by any run of this round
    lines=0 # and the input lines it covers
    durable=0
    while :; do
        runs=$((runs + 1))
        ACK="$WORK/ack"
        if [ "$durable" -ge "$EVENTS" ]; then
            # Every event is durable: the next run only finds them present, and killing it would
            # test nothing more (its first pass alone can outlast the kill delays). It runs to
            # the end, and the round with it.
            "$BIN" append "$L" "$IN" --batch-size "$BATCH" --ack >"$ACK" 2>"$WORK/err"
            tail -n 1 "$ACK" | sed 's/^/  finished: /'
            break
        fi
        "$BIN" append "$L" "$IN" --batch-size "$BATCH" --ack >"$ACK" 2>"$WORK/err" &
        pid=$!
        delay_ms=$((RANDOM * 32768 + RANDOM))
        delay_ms=$((delay_ms % FULL_MS + 1))
        sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
        if kill -KILL "$pid" 2>/dev/null; then
            wait "$pid" 2>/dev/null || true
            kills=$((kills + 1))
            a=$(sed -n 's/^acknowledged \([0-9]*\) .*/\1/p' "$ACK" | tail -n 1)
            n=$(sed -n 's/^acknowledged .* lines [^ ]*:[0-9]*-\([0-9]*\) .*/\1/p' "$ACK" | tail -n 1)
            [ "${a:-0}" -gt "$acked" ] && acked=$a
            [ "${n:-0}" -gt "$lines" ] && lines=$n
            durable=$(records "$L")
            extra=$((durable - acked))
            [ "$extra" -gt 0 ] && ahead=$((ahead + 1))
            echo "kill $kills (round $round) after ${delay_ms} ms: durable $durable records, acknowledged head $acked (input lines 1-$lines)"
            if [ "$durable" -lt "$acked" ] || [ "$extra" -gt "$BATCH" ]; then
                echo "FAILED: acknowledged $acked but $durable durable" >&2
                exit 1
            fi
        else
            wait "$pid"
            tail -n 1 "$ACK" | sed 's/^/  finished: /'
            break
        fi
    done
    check_round "$L"
    rm -rf "$L"
done
end=$(date +%s)
echo "summary: $kills kills in $round rounds ($runs runs of the same command), durable ahead of acknowledged after $ahead kills (at most one batch, found present on re-run), every event exactly once, verify ok; $((end - start)) s"

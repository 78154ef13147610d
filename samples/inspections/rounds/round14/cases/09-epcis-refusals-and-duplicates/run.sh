#!/usr/bin/env bash
# Case 09: partner EPCIS documents that must be refused (with the docs' message), exactly-once and duplicates.
set -u
cd "$(dirname "$0")"
export LC_ALL=C.UTF-8 LANG=C.UTF-8; unset RXLEDGER_ZONE LC_MESSAGES 2>/dev/null
R=${RXLEDGER:-/work/insp14/bin/rxledger}
rxledger() { "$R" "$@"; }
T=$(mktemp -d /tmp/r14.XXXXXX); L=$T/L
# run CMD: print the command, its output (stdout and stderr) and its exit status; $T is shown as $T
run() { printf '\n$ %s\n' "$(printf '%s' "$*" | sed "s#$T#\$T#g")"; { eval "$*"; } 2>&1 | sed "s#$T#\$T#g"; printf '[exit %d]\n' "${PIPESTATUS[0]}"; }

P="--recorded-by 质管-钱芳 --acceptor 验收-陈晓燕 --acceptor 验收-王建华"
run rxledger init $L
run rxledger append $L master.jsonl
run rxledger import csv $L goods-po-2026-11.csv --mapping goods.toml
HEAD=$(rxledger verify $L | awk '{print $NF}'); echo "HEAD=$HEAD"
for c in G24 G25; do cp -r $L $T/$c; done
# refusals: exit 2, nothing appended
run rxledger import epcis $L d1-receiving.jsonld --recorded-by 质管-钱芳
run rxledger import epcis $L d1-receiving.jsonld --acceptor 验收-陈晓燕
for f in r01-shipping r04-aggregation r05-two-recadv r06-gln-location r07-no-expiry r08-uom-kgm r09-fractional \
         r10-observe-with-ilmd r11-add-without-ilmd r12-ilmd-lot-differs r13-malformed-sgtin r14-epclist-only \
         r15-gtin-check-digit r16-xml r17-eventid-hash-mismatch r18-two-good-one-bad r19-quantity-zero \
         r20-codes-two-entries r21-lgtin-without-ilmd r22-two-owning-parties r23-no-recadv r26-time-without-offset; do
  run rxledger import epcis $L $f.jsonld $P
done
run rxledger --lang zh import epcis $L r07-no-expiry.jsonld $P
run 'rxledger verify $L --head "$HEAD"'
# exactly once and duplicates
run rxledger import epcis $L d1-receiving.jsonld $P
run rxledger import epcis $L d1-receiving.jsonld $P
run rxledger import epcis $L d3-resent-other-recordtime.jsonld $P
run rxledger import epcis $L d4-same-event-twice.jsonld $P
run rxledger import epcis $L d5-no-eventid.jsonld $P
run rxledger import epcis $L d5-no-eventid.jsonld $P
cp -r $L $T/D6
run rxledger import epcis $T/D6 d6-new-eventid-same-doc.jsonld $P
run 'rxledger check $T/D6 --format json | python3 -c "import json,sys; d=json.load(sys.stdin); print(sorted((f[\"rule\"], f[\"seq\"]) for f in d[\"findings\"]))"'
# accepted with consequences
run rxledger import epcis $T/G24 g24-gln-supplier.jsonld $P
run 'rxledger check $T/G24 --format json | python3 -c "import json,sys; d=json.load(sys.stdin); print(sorted((f[\"rule\"], f[\"seq\"]) for f in d[\"findings\"]))"'
run rxledger import epcis $T/G25 g25-expiry-day-00.jsonld $P
run 'rxledger export $T/G25 -o $T/g25.jsonl >/dev/null && python3 ../../generator/inspect_export.py $T/g25.jsonl 13'
# the ledger
run rxledger summary $L
run rxledger check $L
run rxledger export $L -o 09.jsonl
run python3 ../../generator/inspect_export.py 09.jsonl 13 14 15
rm -rf "$T"

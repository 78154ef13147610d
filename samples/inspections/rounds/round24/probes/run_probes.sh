#!/bin/bash
# Builds and runs the round 24 probes; outputs in ../tool-output/probe-*.txt
cd "$(dirname "$0")"
RX=/work/insp24/bin/rxledger
O=../tool-output
W=../work
mkdir -p ledgers; python3 build_probes.py ledgers >/dev/null || exit 2
for f in ledgers/*.jsonl; do
  b=$(basename "$f" .jsonl); n=${b%%-*}
  rm -rf $W/P$n; $RX init $W/P$n >/dev/null
  $RX append $W/P$n "$f" > $O/probe-$n.append.txt 2>&1
  $RX check $W/P$n --lang en > $O/probe-$n.check.txt 2>&1
  $RX check $W/P$n --lang zh > $O/probe-$n.check.zh.txt 2>&1
  $RX check $W/P$n --format json > $O/probe-$n.json 2>&1
done
$RX trace --lang en --batch 86905234000157:X1 $W/P902 > $O/probe-902.trace.txt 2>&1; echo "exit $?" >> $O/probe-902.trace.txt
$RX trace --lang zh --batch 86905234000157:X1 $W/P902 > $O/probe-902.trace.zh.txt 2>&1; echo "exit $?" >> $O/probe-902.trace.zh.txt
# time zone must change only how instants are shown, never the verdicts (format.md: dates meant in China Standard Time)
for z in UTC +09:00 Asia/Kolkata -05:00; do
  $RX check ../work/L276 --format json --zone="$z" > $O/probe-276-zone-$(echo $z | tr '/+:-' '___m').json 2>&1
  RXLEDGER_ZONE="$z" $RX check ../work/L276 --lang en > $O/probe-276-zone-$(echo $z | tr '/+:-' '___m').txt 2>&1
  RXLEDGER_ZONE="$z" $RX check ../work/L277 --format json > $O/probe-277-zone-$(echo $z | tr '/+:-' '___m').json 2>&1
done
# the pair: seller and hospital checked and traced together
A=$W/P909-pair-A-seller; B=$W/P909-pair-B-hospital
rm -rf $A $B; $RX init $A >/dev/null; $RX init $B >/dev/null
$RX append $A ledgers/909-pair-A-seller.jsonl > /dev/null; $RX append $B ledgers/909-pair-B-hospital.jsonl > /dev/null
$RX check $A $B --lang en > $O/probe-909-pair.check.txt 2>&1
$RX trace --lang en --batch 86905234000157:Y1 $A $B > $O/probe-909-pair.trace.txt 2>&1; echo "exit $?" >> $O/probe-909-pair.trace.txt
$RX trace --lang en --batch 86905234000157:Y1 $A > $O/probe-909-A-only.trace.txt 2>&1; echo "exit $?" >> $O/probe-909-A-only.trace.txt

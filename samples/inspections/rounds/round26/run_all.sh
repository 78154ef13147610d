#!/bin/bash
# Round 26: regenerate, append each ledger into a fresh store, check (text, JSON, zh), imports, traces, compare.
set -u
cd "$(dirname "$0")"
R=/work/insp26/bin/rxledger
python3 generator/build.py >/dev/null
(cd ledgers && md5sum -c --quiet ../original-expected/LEDGERS.MD5SUMS) && echo "ledgers identical to the frozen ones"
(cd original-expected && md5sum -c --quiet MD5SUMS) && echo "frozen expectations intact"
rm -rf work; mkdir -p work tool-output
date -u +%Y-%m-%dT%H:%M:%SZ > tool-output/last-run
for f in ledgers/*.jsonl; do
  n=$(basename "$f" | cut -c1-3)
  $R init "work/L$n" >/dev/null
  $R append "work/L$n" "$f" > "tool-output/$n.append.txt" 2>&1; echo $? > "tool-output/$n.append.rc"
  $R check "work/L$n" --lang en > "tool-output/$n.check.txt" 2>&1; echo $? > "tool-output/$n.check.rc"
  $R check "work/L$n" --format json > "tool-output/$n.json" 2>"tool-output/$n.json.err"
  $R check "work/L$n" --lang zh > "tool-output/$n.check.zh.txt" 2>&1
done
# ---- 292: the CSV import path
I=imports; W=work/I292
$R init $W >/dev/null
$R append $W $I/292-master.jsonl > tool-output/292i.append.txt 2>&1
(cd $I && $R import csv ../$W 292-goods-2026-11.csv 292-finance-2026-11.csv --mapping 292-goods.toml --mapping 292-finance.toml) > tool-output/292i.import.txt 2>&1; echo "exit $?" >> tool-output/292i.import.txt
(cd $I && $R import csv ../$W 292-goods-2026-11.csv 292-finance-2026-11.csv --mapping 292-goods.toml --mapping 292-finance.toml) > tool-output/292i.reimport.txt 2>&1; echo "exit $?" >> tool-output/292i.reimport.txt
$R check $W --format json > tool-output/292i.json 2>&1
$R export $W -o tool-output/292i.export.jsonl > /dev/null 2>&1
$R export work/L292 -o tool-output/292.export.jsonl > /dev/null 2>&1
H0=$($R verify $W | awk '{print $NF}')
: > tool-output/292i.bad.txt
while IFS=$'\t' read -r fn lang rest; do
  case "$fn" in \#*) continue;; esac
  if [[ $fn == *finance* ]]; then args="292-goods-2026-11.csv $fn --mapping 292-goods.toml --mapping 292-finance.toml"; else args="$fn --mapping 292-goods.toml"; fi
  out=$(cd $I && $R import csv ../$W $args --lang $lang 2>&1); rc=$?
  printf '### %s (%s) exit %s\n%s\n' "$fn" "$lang" "$rc" "$out" >> tool-output/292i.bad.txt
done < $I/292-bad.expected
H1=$($R verify $W | awk '{print $NF}')
echo "head before bad imports $H0, after $H1" >> tool-output/292i.bad.txt
# ---- 293: the EPCIS path
W=work/I293
$R init $W >/dev/null
$R append $W $I/293-pre.jsonl > tool-output/293i.txt 2>&1
EP="--recorded-by 验收-张伟 --acceptor 验收-张伟 --acceptor 质管-周敏"
{ echo "## import"; $R import epcis $W $I/293-receiving.jsonld $EP; echo "exit $?"
  echo "## again"; $R import epcis $W $I/293-receiving.jsonld $EP; echo "exit $?"
  echo "## refused shipping"; $R import epcis $W $I/293-refused-shipping.jsonld $EP; echo "exit $?"
  echo "## refused observe+ilmd"; $R import epcis $W $I/293-refused-observe-ilmd.jsonld $EP; echo "exit $?"
  echo "## no acceptor"; $R import epcis $W $I/293-receiving.jsonld --recorded-by 验收-张伟; echo "exit $?"
  echo "## no acceptor zh"; $R import epcis $W $I/293-refused-shipping.jsonld --recorded-by 验收-张伟 --lang zh; echo "exit $?"
  echo "## tail"; $R append $W $I/293-tail.jsonl; echo "exit $?"; } >> tool-output/293i.txt 2>&1
$R check $W --format json > tool-output/293i.json 2>&1
$R export $W -o tool-output/293i.export.jsonl >/dev/null 2>&1
$R export work/L293 -o tool-output/293.export.jsonl >/dev/null 2>&1
$R export work/L293 -o tool-output/293.epcis.jsonld --format epcis > tool-output/293.epcis.txt 2>&1
$R init work/RT293 >/dev/null
$R import epcis work/RT293 tool-output/293.epcis.jsonld >> tool-output/293.epcis.txt 2>&1; echo "exit $?" >> tool-output/293.epcis.txt
$R export work/RT293 -o tool-output/293rt.export.jsonl >/dev/null 2>&1
# ---- 295: traces for the inspector
MOR=$(python3 -c 'import sys; sys.path.insert(0,"generator"); import lib; print(lib.MOR)')
for b in MA2611 MB2611; do
  $R trace --batch $MOR:$b work/L295 > tool-output/295.trace.$b.txt 2>&1; echo "exit $?" >> tool-output/295.trace.$b.txt
  $R trace --batch $MOR:$b work/L295 --lang zh > tool-output/295.trace.$b.zh.txt 2>&1; echo "exit $?" >> tool-output/295.trace.$b.zh.txt
done
$R trace 81034560261110000009 work/L295 --lang zh > tool-output/295.trace.unit9.zh.txt 2>&1; echo "exit $?" >> tool-output/295.trace.unit9.zh.txt
python3 compare.py | tee tool-output/compare.txt
python3 compare.py --frozen > tool-output/compare-frozen.txt

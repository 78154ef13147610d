#!/bin/bash
# Round 27: regenerate, append each ledger into a fresh store, check (text, JSON, zh, SARIF, JUnit, fail-on matrix), compare.
set -u
cd "$(dirname "$0")"
R=/work/insp27/bin/rxledger
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
  $R check "work/L$n" --format json > "tool-output/$n.json" 2>"tool-output/$n.json.err"; echo $? > "tool-output/$n.json.rc"
  $R check "work/L$n" --lang zh > "tool-output/$n.check.zh.txt" 2>&1
  $R check "work/L$n" --format json --lang zh > "tool-output/$n.zh.json" 2>&1
done
# CI outputs on 304 (minor+major findings, critical pending) and 301
L=work/L304
{
for args in "" "--fail-on minor" "--fail-on major" "--fail-on critical" "--fail-on critical --fail-on-pending" "--fail-on major --fail-on-pending" "--fail-on major --config ci/downgrade.toml" "--fail-on bogus"; do
  $R check $L --format json $args > /dev/null 2>tool-output/304.ci.err; echo "check 304 --format json $args -> exit $? $(head -c 200 tool-output/304.ci.err)"
done
$R check $L --format sarif -o tool-output/304.sarif --fail-on critical; echo "sarif --fail-on critical -> exit $?"
$R check $L --format junit -o tool-output/304.junit.xml; echo "junit -> exit $?"
$R check $L --format junit --lang zh -o tool-output/304.junit.zh.xml; echo "junit zh -> exit $?"
$R check work/L301 --format sarif -o tool-output/301.sarif --lang zh; echo "sarif 301 zh -> exit $?"
$R check work/L301 --format junit -o tool-output/301.junit.xml; echo "junit 301 -> exit $?"
$R check work/L303 --format sarif -o tool-output/303.sarif; echo "sarif 303 -> exit $?"
} > tool-output/ci-matrix.txt 2>&1
python3 compare.py | tee tool-output/compare.txt
python3 compare.py --frozen > tool-output/compare-frozen.txt

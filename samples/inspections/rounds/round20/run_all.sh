#!/bin/bash
# Round 20: regenerate the ledgers and rerun everything. Run from anywhere.
R=/work/insp20/round20
B=/work/insp20/bin/rxledger
cd "$R" || exit 2
python3 generator/build20.py ledgers || exit 2
(cd ledgers && md5sum -c --quiet ../original-expected/LEDGERS.MD5SUMS) && echo "ledgers identical to the frozen ones"
(cd original-expected && md5sum -c --quiet MD5SUMS) && echo "expectations unchanged since FROZEN"
W=$R/work; O=$R/tool-output
rm -rf "$W"; mkdir -p "$W" "$O"
run() { local out=$1; shift; "$@" >"$out" 2>"$out.err"; echo $? >"$out.rc"; }
led() { ls "$R"/ledgers/$1-*.jsonl | head -1; }

# plain ledgers
for n in 246 247 248 249 250 251; do
  f=$(led $n)
  $B init "$W/$n" >/dev/null
  run "$O/$n.append.txt" $B append "$W/$n" "$f"
  run "$O/$n.check.txt" $B --lang en check "$W/$n"
  run "$O/$n.json" $B --lang en check "$W/$n" --format json
done
for n in 246 248 250 251; do run "$O/$n.check.zh.txt" $B --lang zh check "$W/$n"; done

# 249 with the configuration file, and exit codes with --fail-on
run "$O/249.config.json" $B --lang en check "$W/249" --config ledgers/249.toml --format json
run "$O/249.config.txt" $B --lang en check "$W/249" --config ledgers/249.toml
run "$O/249.failon-major.txt" $B --lang en check "$W/249" --fail-on major
run "$O/249.config.failon-major.txt" $B --lang en check "$W/249" --config ledgers/249.toml --fail-on major
run "$O/249.failon-critical.txt" $B --lang en check "$W/249" --fail-on critical
run "$O/249.config.failon-pending.txt" $B --lang en check "$W/249" --config ledgers/249.toml --fail-on major --fail-on-pending

# refused files
for n in 252 255; do
  f=$(led $n)
  $B init "$W/$n" >/dev/null
  run "$O/$n.append.txt" $B --lang en append "$W/$n" "$f"
  run "$O/$n.append.zh.txt" $B --lang zh append "$W/$n" "$f"
  run "$O/$n.verify.txt" $B verify "$W/$n"
done
# 255: retry with the complete file, then again (nothing doubled)
cp ledgers/255-complete-resent.jsonl.txt "$W/255-complete.jsonl"
run "$O/255.retry1.txt" $B --lang en append "$W/255" "$W/255-complete.jsonl"
run "$O/255.retry2.txt" $B --lang en append "$W/255" "$W/255-complete.jsonl"
run "$O/255.check.json" $B --lang en check "$W/255" --format json

# 253: ERP CSV import
f=$(led 253)
$B init "$W/253" >/dev/null
run "$O/253.append.txt" $B append "$W/253" "$f"
run "$O/253.import.txt" $B --lang en import csv "$W/253" ledgers/253-goods-2026-11.csv ledgers/253-finance-2026-11.csv --mapping ledgers/253-goods.toml --mapping ledgers/253-finance.toml
run "$O/253.reimport.txt" $B --lang en import csv "$W/253" ledgers/253-goods-2026-11.csv ledgers/253-finance-2026-11.csv --mapping ledgers/253-goods.toml --mapping ledgers/253-finance.toml
run "$O/253.check.txt" $B --lang en check "$W/253"
run "$O/253.json" $B --lang en check "$W/253" --format json
run "$O/253.export.txt" $B export "$W/253" -o "$W/253-export.jsonl"
run "$O/253.export-epcis.txt" $B export "$W/253" -o "$W/253-export.epcis.json" --format epcis
cp "$W/253-export.jsonl" "$O/253-export.jsonl"; cp "$W/253-export.epcis.json" "$O/253-export.epcis.json"
$B init "$W/253rt" >/dev/null; $B append "$W/253rt" "$f" >/dev/null
run "$O/253.epcis-roundtrip.txt" $B --lang en import epcis "$W/253rt" "$W/253-export.epcis.json"
run "$O/253.epcis-roundtrip-again.txt" $B --lang en import epcis "$W/253rt" "$W/253-export.epcis.json"
run "$O/253rt.export.txt" $B export "$W/253rt" -o "$W/253rt-export.jsonl"
run "$O/253.log.txt" $B --lang zh log "$W/253" --from 18 --limit 11

# 254: EPCIS partner receiving
f=$(led 254)
$B init "$W/254" >/dev/null
run "$O/254.append.txt" $B append "$W/254" "$f"
run "$O/254.import.txt" $B --lang en import epcis "$W/254" ledgers/254-receiving.jsonld --recorded-by 系统-WMS接口 --acceptor 验收-孙晓峰 --acceptor 质管-林思远
run "$O/254.reimport.txt" $B --lang en import epcis "$W/254" ledgers/254-receiving.jsonld --recorded-by 系统-WMS接口 --acceptor 验收-孙晓峰 --acceptor 质管-林思远
run "$O/254.check.txt" $B --lang en check "$W/254"
run "$O/254.json" $B --lang en check "$W/254" --format json
run "$O/254.export.txt" $B export "$W/254" -o "$O/254-export.jsonl"

# CI outputs on the month (246)
run "$O/246.junit.xml" $B --lang en check "$W/246" --format junit
run "$O/246.sarif" $B --lang en check "$W/246" --format sarif
run "$O/246.junit.zh.xml" $B --lang zh check "$W/246" --format junit
run "$O/246.sarif.zh" $B --lang zh check "$W/246" --format sarif
run "$O/246.failon-critical.txt" $B --lang en check "$W/246" --fail-on critical
run "$O/246.failon-pending.txt" $B --lang en check "$W/246" --fail-on critical --fail-on-pending
run "$O/251.sarif" $B --lang en check "$W/251" --format sarif
$B export "$W/246" -o "$W/246-export.jsonl" >/dev/null
run "$O/246.sarif-exported" $B --lang en check "$W/246-export.jsonl" --format sarif

# summary, trace, report in Chinese on the month
run "$O/246.summary.zh.txt" $B --lang zh summary "$W/246"
CODE=$(python3 -c "
import json,sys
for l in open('$(led 246)',encoding='utf-8'):
    e=json.loads(l)
    if e['kind']=='dispatch':
        for x in e['data']['lines']:
            if x.get('codes'): print(x['codes'][0]); sys.exit()")
echo "$CODE" > "$O/246.trace-code.txt.code"
run "$O/246.trace-code.zh.txt" $B --lang zh trace "$CODE" "$W/246"
PD=$(python3 -c "
import sys; sys.path.insert(0,'generator'); from world20 import PD, PI; print(PD)")
PI=$(python3 -c "
import sys; sys.path.insert(0,'generator'); from world20 import PI; print(PI)")
run "$O/246.trace-batch-pd.zh.txt" $B --lang zh trace --batch "$PD:2609175" "$W/246"
run "$O/246.trace-batch-pi.zh.txt" $B --lang zh trace --batch "$PI:S2611021" "$W/246"
run "$O/251.trace-batch.zh.txt" $B --lang zh trace --batch "$PD:2610052" "$W/251"
run "$O/246.report.txt" $B --lang zh report "$W/246" -o "$O/246.report.zh.html"
run "$O/251.report.txt" $B --lang zh report "$W/251" -o "$O/251.report.zh.html"

# probes of bad input
bash "$R/probes/probes.sh" > "$O/probes.txt" 2>&1
python3 "$R/compare.py" > "$O/compare.txt"
cat "$O/compare.txt"

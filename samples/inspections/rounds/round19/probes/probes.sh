#!/bin/bash
# Robustness, code-count and proof probes. Run from run_all.sh (after the ledgers are built).
R=/work/insp19/round19; X=/work/insp19/bin/rxledger; P=$R/probes; W=$P/W
rm -rf $W; mkdir -p $W; cd $W
python3 $P/mk_probes.py $R/ledgers $W
M=$(ls $R/ledgers/244-*.jsonl)
run() { echo "\$ $*"; "$@" 2>&1; echo "exit $?"; }
cnt() { $X verify $1 2>&1 | head -1; }
echo "== P3a malformed line 300"; $X init A >/dev/null; run $X --lang en append A malformed300.jsonl; cnt A
echo "== P3b quantity as a string"; $X init B >/dev/null; run $X --lang en append B quantity-string.jsonl; cnt B
echo "== P3c missing batch"; $X init C >/dev/null; run $X --lang en append C missing-batch.jsonl; cnt C
echo "== P3d cut-off file"; $X init D >/dev/null; run $X --lang en append D cutoff.jsonl; cnt D
echo "== P3d' cut-off file, zh"; run $X --lang zh append D cutoff.jsonl
echo "== P3e re-sent line 500 as line 781"; $X init E >/dev/null; run $X --lang en append E resent.jsonl; cnt E
echo "== P3f interrupted transfer: first 400 lines, then the whole file, then again with --ack"; $X init F >/dev/null
run $X --lang en append F first400.jsonl; run $X --lang en append F $M; run $X --lang en append F $M --ack; cnt F
$X --lang en check F --format json > F.json; $X --lang en check E --format json > E.json
python3 - <<'PY'
import json
for n in ("F", "E"):
    d = json.load(open(f"{n}.json")); print(n, "events", d["events"], "counts", d["counts"])
PY
echo "== P3g same id, other content, after it was stored"; run $X --lang en append F sameid-changed.jsonl; cnt F
echo "== P3h BOM + CRLF copy of the stored file"; run $X --lang en append F bom-crlf.jsonl; cnt F
echo "== P3i blank line and trailing spaces"; $X init I >/dev/null; run $X --lang en append I blank-and-trailing-space.jsonl; cnt I
echo "== P3j kill -9 during a large append, then re-run"
$X gen --events 400000 --seed 19 > big.jsonl; $X init K >/dev/null
( $X append K big.jsonl --ack > kill.ack 2>&1 & echo $! > kill.pid; wait ) & sleep 1.5; kill -9 $(cat kill.pid) 2>/dev/null; sleep 0.5
echo "acks before kill: $(grep -c acknowledged kill.ack)"; tail -1 kill.ack; cnt K
run $X append K big.jsonl; cnt K
$X check K --format json > K.json 2>/dev/null; python3 -c "import json;d=json.load(open('K.json'));print('events',d['events'],'EVENT-DUP',d['counts'].get('EVENT-DUP',0),'CHAIN',d['counts'].get('CHAIN',0))"
echo "== P1 236 + a dispatch of a rejected-but-scanned code"; $X init G >/dev/null; run $X append G 236-plus-rejected-code-dispatched.jsonl; $X --lang en check G | sed -n '1,/^rule/p'
echo "== P2a 237 with 9 different units on a dispatch line of 8"; $X init H >/dev/null; run $X --lang en append H 237-nine-units-for-eight.jsonl; cnt H
for f in gs1-batch-differs-one-unit gs1-lowercase-serial-another-unit code-with-leading-space; do
  echo "== P2 $f"; rm -rf Q; $X init Q >/dev/null; run $X --lang en append Q $f.jsonl; $X --lang en check Q | grep -E 'seq|^[A-Z-]+ \(' | head -6
done
echo "== P4 proofs on the month"; $X init PR >/dev/null; $X append PR $M >/dev/null
$X keygen -o hengtai >/dev/null 2>&1; run $X checkpoint PR --key hengtai.key -o cp1.txt; cat cp1.txt
run $X prove PR --seq 350 --checkpoint cp1.txt -o p350.json; $X export PR -o pr.jsonl; sed -n 350p pr.jsonl > r350.txt
run $X verify-proof --record r350.txt --proof p350.json --checkpoint cp1.txt --pubkey hengtai.pub
sed 's/"reviewers":\["复核-郑伟"\]/"reviewers":["复核-郑伟","复核-王婷"]/' r350.txt > r350-forged.txt; cmp -s r350.txt r350-forged.txt && echo "(forgery did not change the record!)"
run $X verify-proof --record r350-forged.txt --proof p350.json --checkpoint cp1.txt --pubkey hengtai.pub
A245=$(ls $R/ledgers/236-*.jsonl); $X append PR $A245 > /dev/null 2>&1
run $X checkpoint PR --key hengtai.key -o cp2.txt
run $X prove PR --checkpoint cp2.txt --consistency cp1.txt -o c.json
run $X verify-proof --proof c.json --checkpoint cp2.txt --old-checkpoint cp1.txt --pubkey hengtai.pub
run $X verify PR --checkpoint cp2.txt --pubkey hengtai.pub
echo "== P1b 236 + the 2 rejected-and-scanned units of batch 2609041 re-delivered and accepted later"; rm -rf G2; $X init G2 >/dev/null; run $X append G2 236-plus-rejected-units-redelivered.jsonl; $X --lang en check G2 | sed -n '1,/^rule/p'
for t in float null exp huge neg; do echo "== P3k quantity $t"; rm -rf QQ; $X init QQ >/dev/null; run $X --lang en append QQ quantity-$t.jsonl; done

#!/bin/bash
# Round 26, area 4: FIFOs, symlinks and devices inside a ledger directory; readers and writers must not hang or read forever
cd /work/atk26/work/fx; R=/work/atk26/bin/rxledger; SEG=seg-00000000000000000001.jsonl
t(){ local label="$1"; shift; local s=$(date +%s.%N); out=$(timeout 15 /usr/bin/time -f "%MKB" "$@" 2>&1); rc=$?; e=$(echo "$(date +%s.%N)-$s"|bc); echo "### $label"; echo "\$ ${*}"; echo "rc=$rc (${e:0:5}s) $(echo "$out" | head -4 | cut -c1-300)"; echo; }
mk(){ rm -rf $1; cp -r P $1; }
for f in checkpoints.jsonl merkle/head merkle/leaves.bin merkle/blocks.bin LEDGER $SEG ids/filter.bin; do
  n=D_$(echo $f | tr '/.' '__')
  mk ${n}f; rm -f ${n}f/$f; mkfifo ${n}f/$f
  t "FIFO as $f: verify" $R verify ${n}f
  t "FIFO as $f: checkpoint" $R checkpoint ${n}f --key k1.key -o ${n}f.txt
  t "FIFO as $f: append" $R append ${n}f in300.jsonl
  mk ${n}z; rm -f ${n}z/$f; ln -s /dev/zero ${n}z/$f
  t "/dev/zero as $f: verify" $R verify ${n}z
  t "/dev/zero as $f: check" $R check ${n}z
  t "/dev/zero as $f: checkpoint" $R checkpoint ${n}z --key k1.key -o ${n}z.txt
  t "/dev/zero as $f: append" $R append ${n}z in300.jsonl
done
# symlinked segment from another ledger / symlinked history from another ledger
rm -rf Q; $R init Q >/dev/null; $R append Q in300.jsonl >/dev/null; $R checkpoint Q --key k1.key -o q.txt >/dev/null
mk DS1; rm DS1/checkpoints.jsonl; ln -s ../Q/checkpoints.jsonl DS1/checkpoints.jsonl
t "history symlinked to another ledger's (300 records, other root): verify" $R verify DS1
mk DS2; ln -s ../Q/$SEG DS2/seg-00000000000000002001.jsonl
t "other ledger's segment symlinked as seg 2001: verify" $R verify DS2
rm -rf DS3 PS; cp -r P PS; ln -s PS DS3
t "ledger directory is a symlink: append (lock via symlink)" $R append DS3 in300.jsonl
rm -rf DS3 PS
# checkpoints.jsonl is a directory
mk DD; rm DD/checkpoints.jsonl; mkdir DD/checkpoints.jsonl
t "history is a directory: verify" $R verify DD
t "history is a directory: append" $R append DD in300.jsonl
t "history is a directory: checkpoint" $R checkpoint DD --key k1.key -o dd.txt
# -o target is a FIFO / the history itself / the key
mk DO; mkfifo DO.fifo
t "checkpoint -o a FIFO" $R checkpoint DO --key k1.key -o DO.fifo
t "checkpoint -o the ledger's own history file" $R checkpoint DO --key k1.key -o DO/checkpoints.jsonl
t "verify after -o history" $R verify DO
t "checkpoint -o the private key file" $R checkpoint DO --key k1.key -o k1.key.copy
cp k1.key kx.key; t "checkpoint -o its own key" $R checkpoint DO --key kx.key -o kx.key; head -c 60 kx.key; echo
mk DE; t "export -o onto a segment of the same ledger" $R export DE -o DE/$SEG
t "verify after" $R verify DE

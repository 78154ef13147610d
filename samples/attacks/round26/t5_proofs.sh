#!/bin/bash
# Round 26, area 5: prove / verify-proof / verify --checkpoint across the forged history of t1 (H3c: company key signed a forged ledger)
cd /work/atk26/work/fx; R="timeout 60 /work/atk26/bin/rxledger"
t(){ echo "### $1"; shift; echo "\$ rxledger ${*#*rxledger }"; out=$("$@" 2>&1); echo "rc=$? $(echo "$out" | head -3 | cut -c1-300)"; echo; }
t "consistency proof from the genuine cp2k (2000) to the forged H3c checkpoint (2000)" $R prove H3c --checkpoint H3c.txt --consistency cp2k.txt -o c-fork.json
t "consistency proof from the genuine cp1k (1000) to the forged H3c checkpoint" $R prove H3c --checkpoint H3c.txt --consistency cp1k.txt -o c-1k-fork.json
t "verify-proof: forged H3c checkpoint extends genuine cp1k" $R verify-proof --proof c-1k-fork.json --checkpoint H3c.txt --old-checkpoint cp1k.txt --pubkey k1.pub
t "verify-proof: forged H3c vs genuine cp2k, same size, empty proof" bash -c "echo '{\"type\":\"consistency\",\"old_size\":2000,\"new_size\":2000,\"hashes\":[]}' > c-same.json; $R verify-proof --proof c-same.json --checkpoint H3c.txt --old-checkpoint cp2k.txt --pubkey k1.pub"
t "genuine P: consistency proof cp1k -> cp2k" $R prove P --checkpoint cp2k.txt --consistency cp1k.txt -o c.json
t "genuine P: verify-proof" $R verify-proof --proof c.json --checkpoint cp2k.txt --old-checkpoint cp1k.txt --pubkey k1.pub
t "verify-proof with old and new swapped" $R verify-proof --proof c.json --checkpoint cp1k.txt --old-checkpoint cp2k.txt --pubkey k1.pub
t "prove --seq 0" $R prove P --seq 0 --checkpoint cp2k.txt -o x.json
t "prove --seq 2001 (beyond checkpoint)" $R prove P --seq 2001 --checkpoint cp2k.txt -o x.json
t "prove with a checkpoint of another ledger (Q, 300)" $R prove P --seq 5 --checkpoint q.txt -o x.json
t "verify --head of seq beyond ledger" $R verify P.jsonl --head 5000:$(printf '%064d' 0)
t "verify --head 0:zeros on non-empty ledger" $R verify P.jsonl --head 0:$(printf '%064d' 0)
t "verify --head with hash of a record in another ledger" $R verify P.jsonl --head 10:$(sed -n 10p /work/atk26/work/fx/Q.jsonl 2>/dev/null | grep -o '"hash":"[0-9a-f]*' | cut -c9-)

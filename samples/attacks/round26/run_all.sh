#!/bin/bash
# Round 26: re-run everything. Hashes/keys differ per run (recorded_at = now, fresh keys); verdicts do not.
cd /work/atk26/work
./setup.sh > setup.log 2>&1
# (1) previous round's scripts, paths adapted (r24/): fixtures, then the fixed criticals C1-C4
( cd r24 && ./setup.sh > setup.log 2>&1 && python3 t2_dir.py > t2.out 2>&1; python3 t3_merkle_forge.py > t3.out 2>&1; ./t13_extra.sh > t13.out 2>&1; ./t14_tornhistory.sh > t14.out 2>&1; ./t8_fifo.sh > t8.out 2>&1; timeout 120 ./t8b_procsub.sh > t8b.out 2>&1; python3 t7_dupkeys.py > t7.out 2>&1 )
# (2) new areas
python3 t1_history.py > /dev/null 2>&1          # t1_history.log
./t5_proofs.sh > t5_proofs.log 2>&1             # needs t1's H3c / H3c.txt
python3 t2_crash.py > /dev/null 2>&1            # t2_crash.log (needs fx/B: made below if missing)
python3 t3_inject.py > /dev/null 2>&1           # t3_inject.log, fx/hx.{json,sarif,junit,html}
./t4_dirshapes.sh > t4_dirshapes.log 2>&1       # FIFOs, /dev/zero, symlinks in a ledger directory
./t6_import.sh > t6_import.log 2>&1
./t7_sparse.sh > t7_sparse.log 2>&1

#!/bin/bash
# Round 29: reproduce every attack from scratch. Logs: tN_*.log beside the scripts. About 12 minutes
# (t6b alone ~5 min: it measures the super-linear import of one large document).
cd "$(dirname "$0")"
./setup.sh
for t in t1_cells.py t2_retry.py t3_encoding.py t4_epcis.py t5_append.py t7_outputs.py t9_multifile.py t10_wide.py t6c_append.py t6b_scaling.py t6_hugedoc.py; do
  echo "=== $t"; timeout 1200 python3 "$t" > "${t%.py}.log" 2>&1; echo "exit $?"
done
echo "=== t8_tmpdir.sh"; ./t8_tmpdir.sh > t8_tmpdir.log 2>&1; echo "exit $?"

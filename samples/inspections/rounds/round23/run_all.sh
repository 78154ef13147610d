#!/bin/bash
# Round 23 (integrator): runs every test of this directory in order. Log: results.log
cd "$(dirname "$0")" && : > results.log
python3 tour.py                 # README tour as written (tour/)
for t in t1_append t2_lock_badline t3_cp_race t4_check_ci t5_export_import t6_misc t7_proofs t8_kill; do
  echo "##### $t" | tee -a results.log; python3 $t.py > /dev/null 2>&1
done
grep -c '^PASS' results.log; grep '^FAIL' results.log

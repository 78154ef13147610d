#!/bin/bash
# Re-run every attack in order. Note: the record hashes and keys differ per run (recorded_at = now, fresh keys).
cd /work/atk24/work; rm -f *.log
./setup.sh > setup.log 2>&1
python3 t1_export.py; python3 t2_dir.py; python3 t3_merkle_forge.py; python3 t4_proofs.py; python3 t5_cpledger.py
python3 t6_input.py; python3 t7_dupkeys.py; ./t8_fifo.sh; ./t8b_procsub.sh; python3 t9_crash.py; ./t10_concurrent.sh
python3 t11_resource.py; python3 t11b_resource.py; ./t12_import.sh; ./t13_extra.sh; ./t14_tornhistory.sh

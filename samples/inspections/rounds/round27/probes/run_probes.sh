#!/bin/bash
# regenerate and run round 27's probes (after ../run_all.sh, which makes ../work/L304)
cd "$(dirname "$0")"; R=/work/insp27/bin/rxledger
python3 probes.py; rm -rf w; mkdir w
for f in out/*.jsonl; do n=$(basename $f|cut -c1-3); $R init w/$n >/dev/null; $R append w/$n $f >/dev/null; done
$R export ../work/L304 -o w/304.jsonl >/dev/null
python3 -c "
ls=open('w/304.jsonl',encoding='utf-8').read().split('\n'); ls[9]=ls[9].replace('\"quantity\":100','\"quantity\":101',1)
open('w/304-tampered.jsonl','w',encoding='utf-8').write('\n'.join(ls))"

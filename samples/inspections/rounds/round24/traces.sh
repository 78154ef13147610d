#!/bin/bash
# Traces of ledgers 273 and 274 (expectations in their .expected files, '# trace' lines)
cd "$(dirname "$0")"
RX=/work/insp24/bin/rxledger
T=tool-output
run() { out=$1; shift; "$RX" "$@" >$T/$out.txt 2>&1; echo "exit $?" >>$T/$out.txt; }
run trace-273-batch-2609201    trace --lang en --batch 86905234000157:2609201 work/L273
run trace-273-batch-2609201.zh trace --lang zh --batch 86905234000157:2609201 work/L273
run trace-273-batch-2610151    trace --lang en --batch 86905234000157:2610151 work/L273
run trace-273-batch-2610151.zh trace --lang zh --batch 86905234000157:2610151 work/L273
run trace-273-unit-m3          trace --lang en 81034560000000031304 work/L273
run trace-273-unit-m40         trace --lang en 81034560000000407579 work/L273
run trace-273-unit-n29-rejected trace --lang en $(python3 -c "import sys;sys.path.insert(0,'generator');from lib24 import code20;print(code20('8103456',129))") work/L273
run trace-274-batch-PE         trace --lang en --batch 86906234000116:2609101 work/L274
run trace-274-batch-PE.zh      trace --lang zh --batch 86906234000116:2609101 work/L274
run trace-274-batch-RI         trace --lang en --batch 86907234000175:R261012 work/L274
run trace-274-batch-RI.utc     trace --lang en --zone UTC --batch 86907234000175:R261012 work/L274
"$RX" report work/L273 -o tool-output/273.report.html --lang en >/dev/null

#!/bin/bash
# t8: append of >= 32,768 events (ids sorted in TMPDIR) with a broken TMPDIR, then a retry
cd "$(dirname "$0")/fx"; R=/work/atk29/bin/rxledger
[ -f big40k.jsonl ] || $R gen --events 40000 --seed 7 > big40k.jsonl
st() { find "$1" -type f ! -name LOCK -exec sha256sum {} + | sort | sha256sum | cut -c1-12; }
rm -rf T8; $R init T8 >/dev/null
echo "### append 40k with TMPDIR=/nonexistent"; TMPDIR=/nonexistent $R append T8 big40k.jsonl 2>&1 | head -3; echo "rc=${PIPESTATUS[0]}"
echo "### retry, TMPDIR is a regular file"; : > tmpfile; TMPDIR=$PWD/tmpfile $R append T8 big40k.jsonl 2>&1 | head -3; echo "rc=${PIPESTATUS[0]}"
mkdir -p rotmp; chmod 555 rotmp
echo "### retry, TMPDIR read-only dir (running as $(id -un): root ignores modes)"; TMPDIR=$PWD/rotmp $R append T8 big40k.jsonl 2>&1 | head -3; echo "rc=${PIPESTATUS[0]}"
echo "### retry with a normal TMPDIR"; $R append T8 big40k.jsonl 2>&1 | head -3
$R export T8 -o T8.jsonl >/dev/null; python3 -c "
import json; ids=[json.loads(l)['event']['id'] for l in open('T8.jsonl')]; print('records', len(ids), 'distinct ids', len(set(ids)))"
echo "### check with TMPDIR=/nonexistent"; TMPDIR=/nonexistent $R check T8 >/dev/null 2>t8.err; echo "rc=$? $(head -2 t8.err)"

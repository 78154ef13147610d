#!/bin/bash
# Runs the README tour as written (in a scratch dir beside a link to samples/), logging each command's rc.
set -u
H=/work/insp23/round23
rm -rf $H/tour && mkdir -p $H/tour && cd $H/tour
ln -s /work/insp23/samples samples
export PATH=/work/insp23/bin:$PATH
export LANG=C.UTF-8
n=0
run() { n=$((n+1)); echo "=== [$n] $*"; bash -c "$*" > out.$n 2> err.$n; rc=$?; echo "rc=$rc"; head -c 1500 out.$n; echo "--- stderr:"; head -c 1500 err.$n; }
# extract tour block from README
awk '/^```sh tour/{f=1;next} /^```/{f=0} f' /work/insp23/README.md > tour_block.sh
# execute in one shell so variables carry; print each line's rc
bash -x tour_block.sh > tour.out 2> tour.err; echo "tour rc=$?"

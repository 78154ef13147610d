"""Regenerate round 27's ledgers and expectations: python3 generator/build.py"""
import sys, os, glob
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lib, l300, l301, l302, l303, l304
for f in glob.glob(os.path.join(lib.OUT, "*")):
    os.remove(f)
for m in (l300, l301, l302, l303, l304):
    base, n = m.build().write()
    print(n, os.path.basename(base))

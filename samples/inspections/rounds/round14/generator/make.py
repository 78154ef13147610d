"""python3 generator/make.py [NN ...]: write the inputs of the round-14 cases (deterministic)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build
which = sys.argv[1:] or sorted(build.BUILDERS)
for k in which:
    build.BUILDERS[k]()
    print("built", k)

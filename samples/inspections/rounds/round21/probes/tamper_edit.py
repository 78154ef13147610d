#!/usr/bin/env python3
"""tamper_edit.py MODE FILE [SEQ]: edit a ledger segment or an export in place.
byte: change one digit of the first quantity of line SEQ; delete: drop line SEQ;
swap: swap lines SEQ and SEQ+1; truncate: drop the last line."""
import sys, re
mode, path = sys.argv[1], sys.argv[2]
seq = int(sys.argv[3]) if len(sys.argv) > 3 else 0
lines = open(path, "rb").read().split(b"\n")
if lines and lines[-1] == b"":
    lines.pop()
if mode == "byte":
    l = lines[seq - 1].decode()
    m = re.search(r'"quantity":(\d)', l)
    d = m.group(1); nd = "8" if d == "9" else str(int(d) + 1)
    lines[seq - 1] = (l[:m.start(1)] + nd + l[m.end(1):]).encode()
    print(f"line {seq}: quantity digit {d} -> {nd}")
elif mode == "delete":
    del lines[seq - 1]; print(f"deleted line {seq}")
elif mode == "swap":
    lines[seq - 1], lines[seq] = lines[seq], lines[seq - 1]; print(f"swapped lines {seq} and {seq+1}")
elif mode == "truncate":
    lines.pop(); print("dropped the last line")
open(path, "wb").write(b"\n".join(lines) + b"\n")

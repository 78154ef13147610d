"""Probe P2: case 12's workbook written with date-time serials of 10 significant digits (5 decimals, ±0.43 s),
as the first version of my xlsx writer did. Writes p2.xlsx next to this file; p2-xlsx-serial-precision.sh runs it."""
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "generator"))
import xlsx14 as X, build
X.cell.__globals__["serial"]  # keep the module loaded
orig = X.cell
def cell(ref, v):
    if isinstance(v, X.Date):
        return f'<c r="{ref}" s="{2 if v.time else 1}"><v>{X.serial(v.dt):.10g}</v></c>'
    return orig(ref, v)
X.cell = cell
from erp14 import goods_rows, G_HDR
rows = goods_rows(build.c12_docs())
X.write(os.path.join(here, "p2.xlsx"), "出入库明细", G_HDR, build.c12_cells(rows))

#!/usr/bin/env python3
"""Interleaved side-by-side timing of the rxledger CLI: a base build against a new build, plus
the floors (examples/floors.rs). Driven by scripts/bench_cli.sh, which builds the binaries and
makes the inputs; run that script rather than this one.

Every round runs, in turn: append (base, new), verify (base, new), check --format json
(base, new), then the four floors. Each run is one process timed by /usr/bin/time (wall, user,
sys, peak RSS). The table gives medians over the rounds; a ratio is the median of the round-by-round
ratios new/base, so a drift of the machine's speed between rounds cancels out.

Every `check --format json` output (all rounds, both builds) must equal the first base output
in everything but the rendered sentences (`message`, and a pending item's `closed_by`, which a
change of wording or of the time zone shown may alter): rules, severities, seqs, facts, counts, pending items. The ledger path
given is the same for both, and the report has no field that varies from run to run (no clock,
no timing, no absolute path). Exit 1 if any differs, 2 on an error.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time


# The floors of examples/floors.rs, in the order of the table.
FLOORS = ("read", "blake3", "blake3-many", "lex")

def die(msg):
    print(f"bench_cli.py: {msg}", file=sys.stderr)
    sys.exit(2)


def timed(argv, tmp, ok_codes=(0,), stdout_path=None):
    """Runs argv under /usr/bin/time; returns wall, user, sys (s) and peak RSS (KB)."""
    tfile = os.path.join(tmp, "time.out")
    out = open(stdout_path or os.devnull, "wb")
    t0 = time.monotonic()
    p = subprocess.run(
        ["/usr/bin/time", "-f", "%e %U %S %M", "-o", tfile] + argv,
        stdout=out,
        stderr=subprocess.PIPE,
    )
    wall = time.monotonic() - t0
    out.close()
    if p.returncode not in ok_codes:
        err = p.stderr.decode(errors="replace").strip()[-2000:]
        die(f"`{' '.join(argv)}` exited with {p.returncode}:\n{err}")
    with open(tfile) as f:
        fields = f.read().split()
    # /usr/bin/time prints "Command exited with non-zero status N" before the figures.
    _, user, sys_, rss = fields[-4:]
    return {"wall": wall, "cpu": float(user) + float(sys_), "rss": int(rss)}


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def first_difference(a, b):
    """A short description of where two JSON documents (parsed) first differ."""
    x, y = a, b

    def walk(p, u, v):
        if type(u) is not type(v):
            return f"{p}: {type(u).__name__} vs {type(v).__name__}"
        if isinstance(u, dict):
            for k in sorted(set(u) | set(v)):
                if k not in u or k not in v:
                    return f"{p}.{k}: only in {'new' if k not in u else 'base'}"
                d = walk(f"{p}.{k}", u[k], v[k])
                if d:
                    return d
            return None
        if isinstance(u, list):
            for i, (s, t) in enumerate(zip(u, v)):
                d = walk(f"{p}[{i}]", s, t)
                if d:
                    return d
            if len(u) != len(v):
                return f"{p}: {len(u)} vs {len(v)} items"
            return None
        return None if u == v else f"{p}: {json.dumps(u)[:200]} (reference) vs {json.dumps(v)[:200]}"

    return walk("$", x, y) or "same values, different bytes (key order or spacing)"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True, help="base rxledger binary")
    ap.add_argument("--new", required=True, help="new rxledger binary")
    ap.add_argument("--floors", required=True, help="floors example binary")
    ap.add_argument("--ledger", required=True, help="exported ledger (.jsonl)")
    ap.add_argument("--events-file", required=True, help="events file for append")
    ap.add_argument("--events", type=int, required=True, help="events in both inputs")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--tmp", required=True, help="scratch directory")
    ap.add_argument("--base-label", default="base")
    ap.add_argument("--new-label", default="new")
    a = ap.parse_args()
    os.makedirs(a.tmp, exist_ok=True)
    builds = [("base", a.base), ("new", a.new)]
    res = {}  # (command, build) -> list of runs

    def add(key, r):
        res.setdefault(key, []).append(r)

    # Warm the page cache with both inputs (not counted).
    for f in (a.ledger, a.events_file):
        timed([a.floors, "read", f], a.tmp)
    outputs = []
    for rnd in range(1, a.reps + 1):
        t_round = time.monotonic()
        for name, binary in builds:
            d = os.path.join(a.tmp, f"ledger-{name}")
            shutil.rmtree(d, ignore_errors=True)
            subprocess.run([binary, "init", d], check=True, stdout=subprocess.DEVNULL)
            add(("append", name), timed([binary, "append", d, a.events_file], a.tmp))
            shutil.rmtree(d)
        for name, binary in builds:
            add(("verify", name), timed([binary, "verify", a.ledger], a.tmp))
        for name, binary in builds:
            out = os.path.join(a.tmp, f"check-{name}-{rnd}.json")
            # Exit 1 means findings at --fail-on: still a finished check.
            add(
                ("check", name),
                timed([binary, "check", a.ledger, "--format", "json", "-o", out], a.tmp, (0, 1)),
            )
            outputs.append((name, rnd, out))
        for floor in FLOORS:
            add((f"floor {floor}", "floor"), timed([a.floors, floor, a.ledger], a.tmp))
        print(
            f"round {rnd}/{a.reps} done in {time.monotonic() - t_round:.1f} s",
            file=sys.stderr,
        )

    # Findings must be identical: every output against the first base output.
    def without_sentences(doc):
        if isinstance(doc, dict):
            return {
                k: without_sentences(v)
                for k, v in doc.items()
                if k not in ("message", "closed_by")
            }
        if isinstance(doc, list):
            return [without_sentences(v) for v in doc]
        return doc

    with open(outputs[0][2], "rb") as f:
        ref_bytes = f.read()
    ref = without_sentences(json.loads(ref_bytes))
    differing = []
    for name, rnd, path in outputs[1:]:
        with open(path, "rb") as f:
            got_bytes = f.read()
        got = ref if got_bytes == ref_bytes else without_sentences(json.loads(got_bytes))
        if got != ref:
            differing.append((name, rnd, first_difference(ref, got)))
        else:
            os.remove(path)

    n = a.events
    print()
    print(
        f"{n:,} events, {a.reps} rounds interleaved; base = {a.base_label}, new = {a.new_label}; "
        "medians; ratio = median of the per-round ratios new/base (below 1: new is faster)"
    )
    print()
    print("| command | base wall | new wall | new/base wall | new events/s | base CPU | new CPU "
          "| new/base CPU | base peak RSS | new peak RSS |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    label = {
        "append": "`append` (fresh ledger, durable)",
        "verify": "`verify FILE`",
        "check": "`check FILE --format json`",
    }
    for cmd in ("append", "verify", "check"):
        b, w = res[(cmd, "base")], res[(cmd, "new")]
        rw = median([y["wall"] / x["wall"] for x, y in zip(b, w)])
        rc = median([y["cpu"] / x["cpu"] for x, y in zip(b, w) if x["cpu"] > 0])
        bw, nw = median([x["wall"] for x in b]), median([x["wall"] for x in w])
        print(
            f"| {label[cmd]} | {bw:.2f} s | {nw:.2f} s | {rw:.2f}x | {n / nw:,.0f} "
            f"| {median([x['cpu'] for x in b]):.2f} s | {median([x['cpu'] for x in w]):.2f} s "
            f"| {rc:.2f}x | {median([x['rss'] for x in b]) / 1024:.1f} MiB "
            f"| {median([x['rss'] for x in w]) / 1024:.1f} MiB |"
        )
    print()
    print("| floor (one thread) | wall | events/s | CPU | peak RSS | new `check` / floor "
          "| new `verify` / floor |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    checks, verifies = res[("check", "new")], res[("verify", "new")]
    desc = {
        "read": "read the file (1 MiB chunks)",
        "blake3": "blake3 over every record's payload, one record at a time",
        "blake3-many": "blake3 over every record's payload, 512 side by side (SIMD across records)",
        "lex": "serde_json lexing every line into `IgnoredAny`",
    }
    for floor in FLOORS:
        f = res[(f"floor {floor}", "floor")]
        fw = median([x["wall"] for x in f])
        rck = median([c["wall"] / x["wall"] for c, x in zip(checks, f)])
        rvf = median([v["wall"] / x["wall"] for v, x in zip(verifies, f)])
        print(
            f"| {desc[floor]} | {fw:.2f} s | {n / fw:,.0f} | {median([x['cpu'] for x in f]):.2f} s "
            f"| {median([x['rss'] for x in f]) / 1024:.1f} MiB | {rck:.2f}x | {rvf:.2f}x |"
        )
    print()
    if differing:
        print(f"FINDINGS DIFFER in {len(differing)} of {len(outputs) - 1} outputs "
              f"(against base round 1, {outputs[0][2]}; the differing ones are kept beside it):")
        for name, rnd, d in differing[:10]:
            print(f"- {name} round {rnd}: {d}")
        sys.exit(1)
    print(
        f"findings: all {len(outputs)} `check --format json` outputs are identical apart from "
        f"their sentences ({len(ref.get('findings', [])):,} findings, "
        f"{len(ref.get('pending', [])):,} pending; {len(ref_bytes):,} bytes)"
    )
    os.remove(outputs[0][2])


if __name__ == "__main__":
    main()

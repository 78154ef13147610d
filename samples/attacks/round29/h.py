# helpers shared by the round-29 scripts (stdlib only)
import os, subprocess, hashlib, glob, json, resource, time, shutil
R = "/work/atk29/bin/rxledger"
HERE = os.path.dirname(os.path.abspath(__file__))
FX = os.path.join(HERE, "fx")
os.chdir(FX)

def run(args, timeout=120, env=None, inp=None):
    t0 = time.time()
    e = dict(os.environ); e.update(env or {})
    p = subprocess.Popen(["/usr/bin/time", "-f", "@@TIME %e s %M KB"] + [R] + args, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=e, stdin=subprocess.PIPE if inp is not None else subprocess.DEVNULL)
    try:
        out, err = p.communicate(inp, timeout=timeout)
        rc = p.returncode
    except subprocess.TimeoutExpired:
        p.kill(); out, err = p.communicate(); rc = "TIMEOUT"
    err = err.decode("utf-8", "replace"); tm = ""
    lines = [l for l in err.splitlines() if not l.startswith("@@TIME")]
    for l in err.splitlines():
        if l.startswith("@@TIME"): tm = l[7:]
    return rc, out.decode("utf-8", "replace"), "\n".join(lines), tm

def state(led):
    h = hashlib.sha256()
    for f in sorted(glob.glob(led + "/**", recursive=True)):
        if os.path.isfile(f) and not f.endswith("LOCK"):
            h.update(f.encode()); h.update(open(f, "rb").read())
    return h.hexdigest()[:12]

def fresh(name, master=True):
    shutil.rmtree(name, ignore_errors=True)
    subprocess.run([R, "init", name], check=True, capture_output=True)
    if master:
        subprocess.run([R, "append", name, "master.jsonl"], check=True, capture_output=True)
    return name

def records(led):
    subprocess.run([R, "export", led, "-o", led + ".export.jsonl"], capture_output=True, check=True)
    return [json.loads(l) for l in open(led + ".export.jsonl", encoding="utf-8") if l.strip()]

def payloads(led):
    out = []
    for r in records(led):
        out.append(r.get("event", r))
    return out

def show(label, res, before=None, after=None, n=4):
    rc, out, err, tm = res
    ch = "" if before is None else ("UNCHANGED" if before == after else "CHANGED")
    txt = (out.strip() + "\n" + err.strip()).strip().splitlines()
    print(f"### {label}\n  rc={rc} {ch} [{tm}]")
    for l in txt[:n]: print("  | " + l[:400])
    print(flush=True)

def attempt(label, led, args, **kw):
    b = state(led); res = run(args, **kw); a = state(led); show(label, res, b, a, kw.get("n", 4) if False else 4); return res, b != a

def csv_u8(rows, name):
    open(name, "w", encoding="utf-8", newline="").write("".join(rows))
    return name

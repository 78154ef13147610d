"""Helpers for round 21 ledgers (stdlib only, deterministic)."""
import hashlib, json, datetime as dt

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]

def org_code(d8):
    w = [3,7,9,10,5,8,4,2]
    s = sum(int(c)*wi for c, wi in zip(d8, w))
    c = 11 - s % 11
    return d8 + ("X" if c == 10 else "0" if c == 11 else str(c))

def uscc(prefix2, region6, d8):
    body = prefix2 + region6 + org_code(d8)
    s = sum(USCC_CHARS.index(c)*w for c, w in zip(body, USCC_W))
    c = (31 - s % 31) % 31
    return body + USCC_CHARS[c]

def gs1_check(digits):
    s = 0
    for i, c in enumerate(reversed(digits)):
        s += int(c) * (3 if i % 2 == 0 else 1)
    return str((10 - s % 10) % 10)

def gtin14(d13):
    return d13 + gs1_check(d13)

BJ = dt.timezone(dt.timedelta(hours=8))

def parse(s):
    # "2026-11-02 09:30" or "2026-11-02 09:30:05" Beijing, or full RFC3339
    if "T" in s:
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
    fmt = "%Y-%m-%d %H:%M:%S" if s.count(":") == 2 else "%Y-%m-%d %H:%M"
    return dt.datetime.strptime(s, fmt).replace(tzinfo=BJ)

def rfc(d):
    return d.isoformat()

def money(m):
    return {"minor": m, "currency": "CNY"}

class Ledger:
    def __init__(self, name):
        self.name = name
        self.events = []
        self.n = 0
        self.expected = []   # (rule, line, why)
        self.notes = []

    def add(self, kind, when, data, refs=None, by=("质管-钱芳",), entered=None, entered_delta_min=5):
        occ = parse(when)
        if entered is None:
            ent = occ + dt.timedelta(minutes=entered_delta_min)
        else:
            ent = parse(entered)
        ms = int(ent.timestamp() * 1000)
        self.n += 1
        h = hashlib.sha256(f"{self.name}/{self.n}".encode()).hexdigest()
        hx = f"{ms:012x}"
        rand_a = h[0:3]
        var = "89ab"[int(h[3], 16) % 4]
        uid = f"{hx[:8]}-{hx[8:12]}-7{rand_a}-{var}{h[4:7]}-{h[7:19]}"
        ev = {"v": 2, "id": uid, "kind": kind, "occurred_at": rfc(occ), "entered_at": rfc(ent),
              "recorded_by": list(by)}
        if refs:
            ev["refs"] = refs
        ev["data"] = data
        self.events.append(ev)
        return self.n

    def expect(self, rule, line, why):
        self.expected.append((rule, line, why))

    @staticmethod
    def ref(n):
        return "@@%d@@" % n

    def finalize(self):
        import re
        order = sorted(range(len(self.events)), key=lambda i: parse(self.events[i]["occurred_at"]))
        newpos = {old + 1: new + 1 for new, old in enumerate(order)}
        self.events = [self.events[i] for i in order]
        fix = lambda t: re.sub(r"@@(\d+)@@", lambda m: str(newpos[int(m.group(1))]), t)
        self.expected = [(r, newpos[l], fix(w)) for r, l, w in self.expected]
        self.notes = [fix(n) for n in self.notes]
        self.header_fix = fix

    def write(self, outdir, header):
        self.finalize()
        header = [self.header_fix(h) for h in header]
        with open(f"{outdir}/{self.name}.jsonl", "w", encoding="utf-8") as f:
            for e in self.events:
                f.write(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n")
        with open(f"{outdir}/{self.name}.expected", "w", encoding="utf-8") as f:
            for h in header:
                f.write("# " + h + "\n")
            for n in self.notes:
                f.write("# note: " + n + "\n")
            for r, l, why in sorted(self.expected, key=lambda x: (x[1], x[0])):
                f.write(f"# why: {r} {l}: {why}\n")
            for r, l, why in sorted(self.expected, key=lambda x: (x[1], x[0])):
                f.write(f"{r} {l}\n")

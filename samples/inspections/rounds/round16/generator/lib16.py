"""Round 16 helpers: check characters, ids, times, a ledger builder with a self-check.

Written from docs/format.md and docs/rules.md only.
"""
import datetime as dt, hashlib, json, random

BJ = dt.timezone(dt.timedelta(hours=8))

# ---------------------------------------------------------------- check characters
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100 (no I O S V Z)
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]  # GB 11714


def _org_val(c):
    return int(c) if c.isdigit() else ord(c) - 55  # A=10


def org_code(body8):
    s = sum(_org_val(c) * w for c, w in zip(body8, ORG_W))
    c = 11 - s % 11
    return body8 + ("X" if c == 10 else "0" if c == 11 else str(c))


def uscc(prefix2, admin6, org_body8):
    """prefix2: '91' enterprise, '12' public institution; admin6: division code; org_body8: GB 11714 body."""
    s17 = prefix2 + admin6 + org_code(org_body8)
    assert len(s17) == 17
    t = sum(USCC_CHARS.index(c) * w for c, w in zip(s17, USCC_W))
    return s17 + USCC_CHARS[(31 - t % 31) % 31]


def uscc_ok(code):
    if len(code) != 18:
        return False
    t = sum(USCC_CHARS.index(c) * w for c, w in zip(code[:17], USCC_W))
    return USCC_CHARS[(31 - t % 31) % 31] == code[17] and org_code(code[8:16]) == code[8:17]


def gs1_check(digits):
    """GS1 mod-10 check digit for a string of digits (without the check digit)."""
    s = 0
    for i, ch in enumerate(reversed(digits)):
        s += int(ch) * (3 if i % 2 == 0 else 1)
    return str((10 - s % 10) % 10)


def benweima(body12):
    """药品本位码: 86 + 11 digits + GS1 check digit (14 digits)."""
    b = "86" + body12[:11]
    return b + gs1_check(b)


def gtin14(body13):
    return body13 + gs1_check(body13)


def trace20(prefix7, serial9, salt=""):
    """20-digit 追溯码: 7-digit 药品标识码, 9-digit serial, 4 check digits (pseudo-random, deterministic)."""
    h = hashlib.sha256((prefix7 + serial9 + salt).encode()).hexdigest()
    return prefix7 + serial9 + "%04d" % (int(h[:8], 16) % 10000)


# ---------------------------------------------------------------- times
def T(s):
    """'2026-10-31 23:50' or with seconds -> aware datetime in Beijing time."""
    fmt = "%Y-%m-%d %H:%M:%S" if s.count(":") == 2 else "%Y-%m-%d %H:%M"
    return dt.datetime.strptime(s, fmt).replace(tzinfo=BJ)


def iso(t):
    return t.astimezone(BJ).isoformat()


def bj(t):
    return t.astimezone(BJ).strftime("%Y-%m-%d %H:%M:%S")


def day(t):
    return t.astimezone(BJ).strftime("%Y-%m-%d")


MIN = dt.timedelta(minutes=1)
H = dt.timedelta(hours=1)
D = dt.timedelta(days=1)


def uuid7(t, n):
    ms = int(t.timestamp() * 1000)
    h = hashlib.sha256(("r16-%d-%d" % (ms, n)).encode()).digest()
    rand_a = int.from_bytes(h[:2], "big") & 0x0FFF
    rand_b = int.from_bytes(h[2:10], "big") & ((1 << 62) - 1)
    v = (ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
    x = "%032x" % v
    return "%s-%s-%s-%s-%s" % (x[:8], x[8:12], x[12:16], x[16:20], x[20:])


def cny(minor):
    return {"minor": int(minor), "currency": "CNY"}


# ---------------------------------------------------------------- ledger builder
class Ledger:
    def __init__(self, number, name):
        self.number, self.name = number, name
        self.events = []   # dicts
        self.tags = {}     # tag -> line
        self.n = 0
        self.parties, self.products, self.zones = {}, {}, {}
        self.self_party = None
        self.packs = {}    # parent -> children (packed)
        self.seq = {}      # doc counters

    # -- document numbers
    def docno(self, prefix, t):
        k = (prefix, day(t))
        self.seq[k] = self.seq.get(k, 0) + 1
        return "%s%s%05d" % (prefix, t.astimezone(BJ).strftime("%Y%m%d"), self.seq[k] + 100 * self.number)

    def add(self, kind, t, data, refs=None, by=("质管-周敏",), tag=None, entered=None, entered_delta=5 * MIN):
        """Events may be added in any order; finalize() sorts them by occurred_at (stable)."""
        self.n += 1
        ent = entered if entered is not None else t + entered_delta
        ev = {"v": 2, "id": None, "kind": kind, "occurred_at": iso(t), "entered_at": iso(ent),
              "recorded_by": list(by)}
        if refs:
            ev["refs"] = refs
        ev["data"] = data
        ev["_t"], ev["_n"], ev["_ent"] = t, self.n, ent
        self.events.append(ev)
        if tag:
            assert tag not in self.tags, tag
            self.tags[tag] = ev
        return ev

    def finalize(self):
        self.events.sort(key=lambda e: (e["_t"], e["_n"]))
        for i, e in enumerate(self.events, 1):
            e["id"] = uuid7(e["_ent"], i)
            e["_line"] = i

    # -- master data
    def party(self, p, t):
        self.parties[p["party"]] = p
        if p["relation"] == "self":
            self.self_party = p
        return self.add("party_registered", t, p)

    def product(self, p, t):
        self.products[p["product"]] = p
        return self.add("product_registered", t, p)

    def zone(self, z, t):
        self.zones[z["zone"]] = z
        return self.add("zone_registered", t, z)

    def write(self, outdir, slug):
        base = "%s/%03d-%s" % (outdir, self.number, slug)
        with open(base + ".jsonl", "w", encoding="utf-8") as f:
            for e in self.events:
                e2 = {k: v for k, v in e.items() if not k.startswith("_")}
                f.write(json.dumps(e2, ensure_ascii=False, separators=(",", ":")) + "\n")
        return base

    def L(self, tag):
        return self.tags[tag]["_line"]

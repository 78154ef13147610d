"""Helpers for round 20's inspection ledgers (standard library only, deterministic)."""
import json, datetime as dt, hashlib, random

TZ = dt.timezone(dt.timedelta(hours=8))

# ---------------------------------------------------------------- check characters
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def _orgval(c):
    return int(c) if c.isdigit() else ord(c) - ord('A') + 10


def org_check(o8):
    s = sum(_orgval(c) * w for c, w in zip(o8, ORG_W))
    c = 11 - s % 11
    return 'X' if c == 10 else ('0' if c == 11 else str(c))


def uscc(prefix2, div6, org8):
    """GB 32100 unified social credit code with a GB 11714 organisation-code check."""
    body = prefix2 + div6 + org8 + org_check(org8)
    assert all(ch in USCC_CHARS for ch in body), body
    s = sum(USCC_CHARS.index(ch) * w for ch, w in zip(body, USCC_W))
    c = (31 - s % 31) % 31
    return body + USCC_CHARS[c]


def uscc_ok(code):
    if len(code) != 18:
        return False
    s = sum(USCC_CHARS.index(ch) * w for ch, w in zip(code[:17], USCC_W))
    return USCC_CHARS[(31 - s % 31) % 31] == code[17] and org_check(code[8:16]) == code[16]


def gs1_check(digits):
    s = 0
    for i, ch in enumerate(reversed(digits)):
        s += int(ch) * (3 if i % 2 == 0 else 1)
    return str((10 - s % 10) % 10)


def gtin(d13):
    return d13 + gs1_check(d13)


# ---------------------------------------------------------------- time
def T(s):
    """'2026-11-03 09:30' or with seconds -> aware datetime in +08:00."""
    fmt = "%Y-%m-%d %H:%M:%S" if s.count(':') == 2 else "%Y-%m-%d %H:%M"
    return dt.datetime.strptime(s, fmt).replace(tzinfo=TZ)


def iso(t):
    t = t.astimezone(TZ)
    if t.microsecond:
        base = t.strftime("%Y-%m-%dT%H:%M:%S") + (".%06d" % t.microsecond).rstrip('0')
    else:
        base = t.strftime("%Y-%m-%dT%H:%M:%S")
    return base + "+08:00"


MIN = dt.timedelta(minutes=1)
HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


def uuid7(ms, seq, salt):
    h = hashlib.sha256(("%s/%d" % (salt, seq)).encode()).digest()
    rand_a = (seq & 0xfff)
    rand_b = int.from_bytes(h[:8], 'big') & ((1 << 62) - 1)
    v = (ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
    x = "%032x" % v
    return "%s-%s-%s-%s-%s" % (x[:8], x[8:12], x[12:16], x[16:20], x[20:])


def money(fen):
    return {"minor": int(fen), "currency": "CNY"}


# ---------------------------------------------------------------- ledger builder
class Ledger:
    def __init__(self, name):
        self.name = name
        self.events = []   # (occurred_at, order, event-dict-without-id, entered_delta, tag)
        self.n = 0

    def add(self, kind, at, by, data, refs=None, entered=None, tag=None, entered_at=None):
        ev = {"v": 2, "id": None, "kind": kind, "occurred_at": iso(at)}
        if entered_at is not None:
            ev["entered_at"] = iso(entered_at)
        else:
            ev["entered_at"] = iso(at + (entered if entered is not None else 5 * MIN))
        ev["recorded_by"] = by if isinstance(by, list) else [by]
        if refs:
            ev["refs"] = refs
        ev["data"] = data
        self.n += 1
        self.events.append([at, self.n, ev, tag])
        return ev

    def finish(self):
        self.events.sort(key=lambda e: (e[0], e[1]))
        out = []
        for i, (at, _, ev, tag) in enumerate(self.events, 1):
            ent = dt.datetime.fromisoformat(ev["entered_at"])
            ev["id"] = uuid7(int(ent.timestamp() * 1000), i, self.name)
            out.append((ev, tag))
        self.lines = out
        return out

    def line_of(self, tag):
        for i, (ev, t) in enumerate(self.lines, 1):
            if t == tag:
                return i
        raise KeyError(tag)

    def dump(self):
        return "".join(json.dumps(ev, ensure_ascii=False, separators=(',', ':')) + "\n" for ev, _ in self.lines)


# ---------------------------------------------------------------- stock self-check
class Stock:
    def __init__(self):
        self.q = {}

    def mv(self, product, batch, qty, frm=None, to=None):
        if frm:
            k = (product, batch, frm)
            self.q[k] = self.q.get(k, 0) - qty
            assert self.q[k] >= 0, ("negative", k, self.q[k])
        if to:
            k = (product, batch, to)
            self.q[k] = self.q.get(k, 0) + qty

    def at(self, loc):
        return {(p, b): q for (p, b, l), q in self.q.items() if l == loc and q != 0}

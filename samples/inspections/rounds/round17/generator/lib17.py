"""Round 17 helpers: check characters, ids, a ledger builder with tags, stock/code self-check.
Written from docs/ only (format.md, rules.md)."""
import datetime as dt, hashlib, json, random

BJ = dt.timezone(dt.timedelta(hours=8))

# ---------------------------------------------------------------- check characters
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]

def _orgval(c):
    return int(c) if c.isdigit() else ord(c) - 55

def org_check(body8):
    s = sum(_orgval(c) * w for c, w in zip(body8, ORG_W))
    c = 11 - s % 11
    return 'X' if c == 10 else '0' if c == 11 else str(c)

def uscc_check(first17):
    s = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_W))
    c = (31 - s % 31) % 31
    return USCC_CHARS[c]

def uscc(prefix2, division, body8):
    """prefix2 '91' enterprise, '12' public institution; body8 the organisation code body."""
    org = body8 + org_check(body8)
    if org[-1] == 'X':
        # X is allowed in GB 11714 and in the USCC charset
        pass
    first = prefix2 + division + org
    assert all(c in USCC_CHARS for c in first), first
    return first + uscc_check(first)

def valid_uscc(u):
    if len(u) != 18:
        return False
    if u[17] != uscc_check(u[:17]):
        return False
    return org_check(u[8:16]) == u[16]

def gs1_check(digits):
    """check digit for the given digits (without check)"""
    s = 0
    for i, ch in enumerate(reversed(digits)):
        s += int(ch) * (3 if i % 2 == 0 else 1)
    return str((10 - s % 10) % 10)

def with_check(digits):
    return digits + gs1_check(digits)

# ---------------------------------------------------------------- ids and instants
def iso(t):
    return t.strftime('%Y-%m-%dT%H:%M:%S+08:00') if t.microsecond == 0 else t.isoformat()

def bj(y, m, d, hh=0, mm=0, ss=0):
    return dt.datetime(y, m, d, hh, mm, ss, tzinfo=BJ)

def uuid7(t, salt):
    ms = int(t.timestamp() * 1000)
    h = hashlib.sha256(salt.encode()).digest()
    rand_a = int.from_bytes(h[:2], 'big') & 0x0FFF
    rand_b = int.from_bytes(h[2:10], 'big') & ((1 << 62) - 1)
    v = (ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
    s = f"{v:032x}"
    return f"{s[:8]}-{s[8:12]}-{s[12:16]}-{s[16:20]}-{s[20:]}"

def money(fen):
    return {"minor": int(fen), "currency": "CNY"}

# ---------------------------------------------------------------- the ledger builder
class Ledger:
    def __init__(self, name):
        self.name = name
        self.events = []   # (occurred_at, order, ev, tag)
        self.n = 0
        self.tags = {}
        self.counters = {}

    def doc(self, prefix, t):
        key = (prefix, t.strftime('%Y%m%d'))
        self.counters[key] = self.counters.get(key, 0) + 1
        return f"{prefix}{t.strftime('%Y%m%d')}{self.name[:3]}{self.counters[key]:02d}"

    def add(self, kind, t, data, by, refs=None, tag=None, entered=None):
        if entered is None:
            entered = t + (dt.timedelta(seconds=30) if kind == 'temperature_reading' else dt.timedelta(minutes=5))
        self.n += 1
        ev = {"v": 2, "id": uuid7(entered, f"{self.name}-{self.n}"), "kind": kind,
              "occurred_at": iso(t), "entered_at": iso(entered), "recorded_by": list(by)}
        if refs:
            ev["refs"] = refs
        ev["data"] = data
        self.events.append((t, self.n, ev, tag))
        return ev

    def finish(self):
        self.events.sort(key=lambda e: (e[0], e[1]))
        lines = []
        for i, (t, n, ev, tag) in enumerate(self.events, 1):
            if tag:
                for tg in (tag if isinstance(tag, (list, tuple)) else [tag]):
                    assert tg not in self.tags, tg
                    self.tags[tg] = i
            lines.append(json.dumps(ev, ensure_ascii=False, separators=(',', ':')))
        return lines

    def line(self, tag):
        return self.tags[tag]

# ---------------------------------------------------------------- self-check (my reading, not the engine)
class Stock:
    """quantities per (product, batch, location) and unit codes per location, in file order."""
    def __init__(self, special_products):
        self.q = {}
        self.special = set(special_products)
        self.code_at = {}
        self.left = set()
        self.problems = []

    def _mv(self, seq, p, b, loc, dq):
        k = (p, b, loc)
        self.q[k] = self.q.get(k, 0) + dq
        if self.q[k] < 0:
            self.problems.append(f"{seq}: stock of {p} {b} at {loc} = {self.q[k]}")

    def apply(self, seq, ev):
        k, d = ev['kind'], ev['data']
        if k == 'receipt':
            for l in d['lines']:
                if l['accepted']:
                    self._mv(seq, l['product'], l['batch'], l['location'], l['accepted'])
                for c in l.get('codes', []):
                    self.code_at[c] = l['location']
        elif k in ('put_away', 'transfer'):
            for l in d['lines']:
                self._mv(seq, l['product'], l['batch'], l['from'], -l['quantity'])
                self._mv(seq, l['product'], l['batch'], l['to'], l['quantity'])
                for c in l.get('codes', []):
                    if self.code_at.get(c) != l['from'] and c in self.code_at:
                        self.problems.append(f"{seq}: code {c} at {self.code_at.get(c)} moved from {l['from']}")
                    self.code_at[c] = l['to']
        elif k in ('dispatch', 'supplier_return', 'destruction', 'loss_report'):
            for l in d['lines']:
                self._mv(seq, l['product'], l['batch'], l['from'], -l['quantity'])
                for c in l.get('codes', []):
                    if c in self.code_at:
                        del self.code_at[c]
                        self.left.add(c)
        elif k == 'customer_return':
            for l in d['lines']:
                self._mv(seq, l['product'], l['batch'], l['to'], l['quantity'])
                for c in l.get('codes', []):
                    self.code_at[c] = l['to']
                    self.left.discard(c)

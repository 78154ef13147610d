"""Helpers for round 22 inspection ledgers (stdlib only, deterministic)."""
import json, datetime as dt, random

CST = dt.timezone(dt.timedelta(hours=8))
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def org_code(body8):
    """GB 11714 organisation code: 8 chars + check."""
    w = [3, 7, 9, 10, 5, 8, 4, 2]
    def v(c):
        return int(c) if c.isdigit() else ord(c) - 55
    s = sum(v(c) * wi for c, wi in zip(body8, w))
    c = 11 - s % 11
    return body8 + ("X" if c == 10 else "0" if c == 11 else str(c))


def uscc(prefix10, body8):
    """GB 32100: 2 chars (登记管理部门+机构类别) + 6-digit area + 9-char org code + check."""
    s17 = prefix10[:8] + org_code(body8)
    assert len(s17) == 17, s17
    tot = sum(USCC_CHARS.index(c) * w for c, w in zip(s17, USCC_W))
    c = 31 - tot % 31
    return s17 + USCC_CHARS[0 if c == 31 else c]


def uscc_ok(s):
    tot = sum(USCC_CHARS.index(c) * w for c, w in zip(s[:17], USCC_W))
    c = 31 - tot % 31
    return len(s) == 18 and s[17] == USCC_CHARS[0 if c == 31 else c] and org_code(s[8:16]) == s[8:17]


def gtin(body13):
    s = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body13)))
    return body13 + str((10 - s % 10) % 10)


def idcard(body17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body17 + "10X98765432"[sum(int(c) * x for c, x in zip(body17, w)) % 11]


def t(y, mo, d, h=0, mi=0, s=0):
    return dt.datetime(y, mo, d, h, mi, s, tzinfo=CST)


def iso(x):
    return x.isoformat()


def money(minor):
    return {"minor": int(minor), "currency": "CNY"}


class Ledger:
    def __init__(self, num, seed):
        self.num = num
        self.events = []  # (occurred, order, event, mark)
        self.order = 0
        self.rng = random.Random(seed)
        self.inv_n = 0

    def add(self, kind, occ, data, by, refs=None, mark=None, entered=None):
        ent = entered if entered is not None else occ + dt.timedelta(minutes=5)
        e = {"v": 2, "id": None, "kind": kind, "occurred_at": iso(occ), "entered_at": iso(ent),
             "recorded_by": by if isinstance(by, list) else [by]}
        if refs:
            e["refs"] = refs
        e["data"] = data
        self.order += 1
        self.events.append([occ, self.order, e, mark, ent])
        return e

    def invno(self):
        self.inv_n += 1
        return "26332000000%09d" % (self.num * 10000 + self.inv_n)

    def finish(self):
        """Sort by occurred_at (stable), assign UUID v7 ids of entered_at, return lines & marks."""
        self.events.sort(key=lambda r: (r[0], r[1]))
        lines, marks = [], {}
        last_ms = 0
        for i, (occ, _, e, mark, ent) in enumerate(self.events, 1):
            ms = int(ent.timestamp() * 1000)
            ms = max(ms, last_ms + 1)
            last_ms = ms
            rnd = (self.num * 7919 + i * 104729) & ((1 << 74) - 1)
            h = "%012x" % ms
            ra = (rnd >> 62) & 0xFFF
            rb = rnd & ((1 << 62) - 1)
            e["id"] = "%s-%s-7%03x-%04x-%012x" % (h[:8], h[8:12], ra, 0x8000 | (rb >> 48), rb & 0xFFFFFFFFFFFF)
            lines.append(json.dumps(e, ensure_ascii=False, separators=(",", ":")))
            if mark:
                for m in (mark if isinstance(mark, list) else [mark]):
                    marks.setdefault(m, []).append(i)
        return lines, marks


def write(outdir, name, lines, header, expect):
    import os
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, name + ".jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(outdir, name + ".expected"), "w", encoding="utf-8") as f:
        for h in header:
            f.write("# " + h + "\n")
        for r, n in expect:
            f.write("%s %d\n" % (r, n))

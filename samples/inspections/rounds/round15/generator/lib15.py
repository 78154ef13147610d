# Round 15 helper library: identifiers with check characters, UUID v7, time, a Ledger class that
# writes event lines in the format of docs/format.md (version 2) and keeps my own simplified
# self-checks (stock never negative, one code per controlled unit, invoice arithmetic).
# Written from README.md, docs/ and samples/ only.
import datetime as dt
import hashlib
import json

TZ = dt.timezone(dt.timedelta(hours=8))

# ---------------------------------------------------------------- check characters

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"          # GB 32100: 31 characters, no I O S V Z
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]                       # GB 11714 organisation code


def _org_val(c):
    return int(c) if c.isdigit() else ord(c) - ord("A") + 10


def org_check(body8):
    s = sum(_org_val(c) * w for c, w in zip(body8, ORG_W))
    c = 11 - s % 11
    return "X" if c == 10 else ("0" if c == 11 else str(c))


def uscc(prefix8, org8):
    """prefix8: 登记管理部门码 + 机构类别码 + 行政区划码 (e.g. '91330105'); org8: the 8-character
    body of the organisation code. Returns 18 characters with both check characters valid."""
    assert len(prefix8) == 8 and len(org8) == 8
    body17 = prefix8 + org8 + org_check(org8)
    assert all(c in USCC_CHARS for c in body17), body17
    s = sum(USCC_CHARS.index(c) * w for c, w in zip(body17, USCC_W))
    c = (31 - s % 31) % 31
    return body17 + USCC_CHARS[c]


def uscc_ok(code):
    if len(code) != 18 or any(c not in USCC_CHARS for c in code):
        return False
    s = sum(USCC_CHARS.index(c) * w for c, w in zip(code[:17], USCC_W))
    if USCC_CHARS[(31 - s % 31) % 31] != code[17]:
        return False
    return org_check(code[8:16]) == code[16]


def gs1_check(digits):
    s = 0
    for i, d in enumerate(reversed(digits)):
        s += int(d) * (3 if i % 2 == 0 else 1)
    return str((10 - s % 10) % 10)


def bwm(body13):
    """药品本位码: 14 digits, 86 + 9 + ..., last a GS1-style check digit."""
    assert len(body13) == 13
    return body13 + gs1_check(body13)


def trace_code(prefix7, serial9):
    """20-digit 药品追溯码: 7-digit 药品标识码, 9-digit serial, 4 verification digits (here a
    deterministic digest, as the real ones are issued by the code platform)."""
    assert len(prefix7) == 7 and len(serial9) == 9
    h = int(hashlib.sha256((prefix7 + serial9).encode()).hexdigest(), 16) % 10000
    return prefix7 + serial9 + "%04d" % h


def invoice_no(year2, prov2, seq15, channel="2"):
    """20-digit 数电票 number: year, province tax bureau, channel, 15-digit sequence."""
    s = "%02d%02d%s%015d" % (year2, prov2, channel, seq15)
    assert len(s) == 20
    return s

# ---------------------------------------------------------------- time and ids


def t(s):
    """'2026-03-02 09:30' (Beijing) -> aware datetime."""
    return dt.datetime.strptime(s, "%Y-%m-%d %H:%M").replace(tzinfo=TZ)


def iso(d):
    return d.isoformat(timespec="seconds")


class Ids:
    def __init__(self, seed):
        self.seed = seed
        self.n = 0
        self.last_ms = 0

    def uuid7(self, when):
        ms = int(when.timestamp() * 1000)
        if ms <= self.last_ms:
            ms = self.last_ms + 1
        self.last_ms = ms
        self.n += 1
        r = int(hashlib.sha256(("%s/%d" % (self.seed, self.n)).encode()).hexdigest(), 16)
        rand_a = r & 0xFFF
        rand_b = (r >> 12) & ((1 << 62) - 1)
        v = (ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
        h = "%032x" % v
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def money(yuan_str):
    """'3.45' -> {'minor': 345, 'currency': 'CNY'}"""
    y, _, f = yuan_str.partition(".")
    f = (f + "00")[:2]
    return {"minor": int(y) * 100 + int(f), "currency": "CNY"}


def m(minor):
    return {"minor": minor, "currency": "CNY"}

# ---------------------------------------------------------------- ledger


CONTROLLED = {"narcotic", "psychotropic1", "psychotropic2", "medical_toxic", "radioactive", "precursor"}


class Ledger:
    def __init__(self, seed, entry_minutes=5):
        self.ids = Ids(seed)
        self.lines = []          # event dicts
        self.entry = dt.timedelta(minutes=entry_minutes)
        self.products = {}       # product -> control
        self.packs = {}          # parent -> children
        self.stock = {}          # (product, batch, loc) -> qty
        self.codeloc = {}        # code -> location or 'LEFT'
        self.problems = []
        self.last_occ = None

    def add(self, kind, when, data, by, refs=None, entered=None):
        occ = t(when) if isinstance(when, str) else when
        ent = occ + self.entry if entered is None else (t(entered) if isinstance(entered, str) else entered)
        ev = {"v": 2, "id": self.ids.uuid7(ent), "kind": kind, "occurred_at": iso(occ),
              "entered_at": iso(ent), "recorded_by": by if isinstance(by, list) else [by]}
        if refs:
            ev["refs"] = refs
        ev["data"] = data
        self.lines.append(ev)
        self._selfcheck(ev)
        return len(self.lines)          # the line number = seq after append to an empty ledger

    # --- my own simplified custody/stock replay (not the engine)
    def _units(self, codes):
        n = 0
        for c in codes:
            n += len(self.packs[c]) if c in self.packs else 1
        return n

    def _mv(self, key, q):
        self.stock[key] = self.stock.get(key, 0) + q
        if self.stock[key] < 0:
            self.problems.append("negative stock %s at line %d" % (key, len(self.lines)))

    def _codes_to(self, codes, loc):
        for c in codes:
            for u in self.packs.get(c, [c]):
                self.codeloc[u] = loc

    def _selfcheck(self, ev):
        k, d = ev["kind"], ev["data"]
        n = len(self.lines)
        if k == "product_registered":
            self.products[d["product"]] = d["control"]
        if k == "aggregation":
            if d["action"] == "pack":
                self.packs[d["parent"]] = list(d["children"])
            else:
                self.packs.pop(d["parent"], None)
        if k == "receipt":
            for ln in d["lines"]:
                self._mv((ln["product"], ln["batch"], ln["location"]), ln["accepted"])
                self._codes_to(ln.get("codes", []), ln["location"])
        if k in ("put_away", "transfer"):
            for ln in d["lines"]:
                self._mv((ln["product"], ln["batch"], ln["from"]), -ln["quantity"])
                self._mv((ln["product"], ln["batch"], ln["to"]), ln["quantity"])
                self._codes_to(ln.get("codes", []), ln["to"])
        if k in ("dispatch", "supplier_return", "destruction", "loss_report"):
            for ln in d["lines"]:
                self._mv((ln["product"], ln["batch"], ln["from"]), -ln["quantity"])
                self._codes_to(ln.get("codes", []), "LEFT")
        if k == "customer_return":
            for ln in d["lines"]:
                self._mv((ln["product"], ln["batch"], ln["to"]), ln["quantity"])
                self._codes_to(ln.get("codes", []), ln["to"])
        if k in ("receipt", "put_away", "transfer", "dispatch", "supplier_return", "destruction", "customer_return"):
            for ln in d["lines"]:
                q = ln.get("accepted", ln.get("quantity"))
                if self.products.get(ln["product"]) in CONTROLLED and self._units(ln.get("codes", [])) != q:
                    self.problems.append("line %d (%s): %d units, codes cover %d" % (n, k, q, self._units(ln.get("codes", []))))
        if k == "invoice":
            tot = 0
            for ln in d["lines"]:
                if ln["amount"]["minor"] != ln["quantity"] * ln["unit_price"]["minor"]:
                    self.problems.append("line %d: invoice line arithmetic" % n)
                tot += ln["amount"]["minor"]
            if tot != d["total"]["minor"]:
                self.problems.append("line %d: invoice total" % n)
        occ = dt.datetime.fromisoformat(ev["occurred_at"])
        if self.last_occ and occ < self.last_occ:
            self.problems.append("line %d occurs before line %d" % (n, n - 1))
        self.last_occ = occ

    def write(self, path):
        with open(path, "w", encoding="utf-8") as f:
            for ev in self.lines:
                f.write(json.dumps(ev, ensure_ascii=False, separators=(",", ":")) + "\n")

    def seq_of(self, kind, doc):
        for i, ev in enumerate(self.lines, 1):
            if ev["kind"] == kind and ev["data"].get("doc") == doc:
                return i
        raise KeyError((kind, doc))


def write_expected(path, header_lines, findings):
    with open(path, "w", encoding="utf-8") as f:
        for h in header_lines:
            f.write("# " + h + "\n")
        for rule, seq in findings:
            f.write("%s %d\n" % (rule, seq))

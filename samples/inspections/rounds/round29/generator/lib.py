"""Shared helpers for round 29 ledgers (written from docs/format.md alone)."""
import json, random, datetime as dt

BJ = dt.timezone(dt.timedelta(hours=8))


def T(s):
    """'2026-12-01 08:00' or with seconds -> aware datetime in Beijing time"""
    fmt = '%Y-%m-%d %H:%M:%S' if s.count(':') == 2 else '%Y-%m-%d %H:%M'
    return dt.datetime.strptime(s, fmt).replace(tzinfo=BJ)


def iso(t):
    return t.astimezone(BJ).isoformat()


GB_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
GB_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc(body17):
    s = sum(GB_CHARS.index(c) * w for c, w in zip(body17, GB_W))
    c = 31 - s % 31
    return body17 + GB_CHARS[0 if c == 31 else c]


def M(fen):
    return {"minor": int(fen), "currency": "CNY"}


class Ledger:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.ev = []      # (occurred, order, event)
        self.n = 0

    def add(self, kind, t, data, by, refs=None, entered=None, ent_delta=None):
        if entered is None:
            entered = t + (ent_delta if ent_delta is not None else dt.timedelta(minutes=5))
        e = {"v": 2, "id": None, "kind": kind, "occurred_at": iso(t), "entered_at": iso(entered),
             "recorded_by": by}
        if refs:
            e["refs"] = refs
        e["data"] = data
        self.n += 1
        self.ev.append((t, self.n, e, entered))
        return e

    def finish(self):
        self.ev.sort(key=lambda x: (x[0], x[1]))
        out = []
        last = 0
        for i, (t, _, e, ent) in enumerate(self.ev):
            ms = int(ent.timestamp() * 1000)
            ms = max(ms, last)  # keep ids increasing in file order
            last = ms
            ra = i & 0xFFF
            rb = self.rng.getrandbits(62)
            u = (ms << 80) | (0x7 << 76) | (ra << 64) | (0b10 << 62) | rb
            h = '%032x' % u
            e["id"] = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
            out.append(e)
        return out

    def seq_of(self, events, pred):
        return [i + 1 for i, e in enumerate(events) if pred(e)]


def write(path, events):
    with open(path, 'w', encoding='utf-8') as f:
        for e in events:
            f.write(json.dumps(e, ensure_ascii=False, separators=(',', ':')) + '\n')


def party(L, t, pid, name, kind, relation, lic_no, lic_kind, scope, accounts, province, address,
          special=None, public=False, valid_from='2023-01-01', valid_to='2029-12-31', by=('质管-沈佳怡',)):
    d = {"party": pid, "name": name, "kind": kind, "relation": relation}
    if lic_kind:
        d["licence"] = {"number": lic_no, "kind": lic_kind, "valid_from": valid_from, "valid_to": valid_to}
    d["scope"] = scope
    d["accounts"] = [{"bank": b, "number": n} for b, n in accounts]
    d["province"] = province
    d["address"] = address
    if special:
        d["special"] = special
    if public:
        d["public_hospital"] = True
    return L.add("party_registered", t, d, list(by))


def product(L, t, code, name, form, spec, mfr, appr, cat, control, storage, unit, vaccine=False, rx=True,
            temp_range=None, by=('质管-沈佳怡',)):
    d = {"product": code, "generic_name": name, "form": form, "spec": spec, "manufacturer": mfr,
         "approval_number": appr, "category": cat, "control": control, "storage": storage}
    if temp_range:
        d["temp_range"] = {"min_c": temp_range[0], "max_c": temp_range[1]}
    d["rx"] = rx
    if vaccine:
        d["vaccine"] = True
    d["unit"] = unit
    return L.add("product_registered", t, d, list(by))


def zone(L, t, z, storage, sensors, rng=None, by=('质管-沈佳怡',)):
    d = {"zone": z, "storage": storage}
    if rng:
        d["temp_range"] = {"min_c": rng[0], "max_c": rng[1]}
    d["sensors"] = sensors
    return L.add("zone_registered", t, d, list(by))


def readings(L, t_upload, sensor, where, pts, vehicle=False, by=('系统-温湿度监测',)):
    d = {"sensor": sensor}
    d["vehicle" if vehicle else "zone"] = where
    d["readings"] = [{"at": iso(a), "celsius": round(c, 2)} for a, c in pts]
    return L.add("temperature_reading", t_upload, d, list(by), ent_delta=dt.timedelta(seconds=30))


def series(start, end, step_min, fn):
    out = []
    a = start
    while a <= end:
        out.append((a, fn(a)))
        a += dt.timedelta(minutes=step_min)
    return out

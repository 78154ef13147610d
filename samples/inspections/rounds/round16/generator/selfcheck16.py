"""My own simplified reading of rules.md, to check my ledgers' stock, codes and arithmetic.
Not the engine. Prints what it flags; the planted violations should be exactly those flagged
(plus rules it does not model: SOM, TEMP-*, licences, deadlines)."""
import json, re, sys, datetime as dt
from collections import defaultdict

CONTROLLED = {"narcotic", "psychotropic1", "psychotropic2", "medical_toxic", "radioactive", "precursor"}
CSET82 = re.compile(r'^[!"%&\'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$')


def gs1_check(d):
    s = 0
    for i, ch in enumerate(reversed(d)):
        s += int(ch) * (3 if i % 2 == 0 else 1)
    return str((10 - s % 10) % 10)


def parse_code(c):
    """-> key or raises ValueError(reason)"""
    if c != c.strip():
        raise ValueError("whitespace")
    if re.fullmatch(r"\d{20}", c):
        return ("cn", c)
    ais = {}
    if c.startswith("("):
        for m in re.finditer(r"\((\d\d)\)([^()]*)", c):
            ais[m.group(1)] = m.group(2)
        if "".join("(%s)%s" % kv for kv in re.findall(r"\((\d\d)\)([^()]*)", c)) != c:
            raise ValueError("bracket syntax")
    elif c[:3] in ("]C1", "]e0", "]d2", "]Q3", "]J1"):
        s = c[3:]
        while s:
            ai, s = s[:2], s[2:]
            if ai == "01":
                ais[ai], s = s[:14], s[14:]
            elif ai in ("11", "17"):
                ais[ai], s = s[:6], s[6:]
            elif ai in ("10", "21"):
                v, _, s = s.partition("\x1d")
                ais[ai] = v
            else:
                raise ValueError("AI " + ai)
    else:
        raise ValueError("not 20 digits, not GS1")
    for ai, v in ais.items():
        if ai not in ("01", "10", "11", "17", "21"):
            raise ValueError("AI " + ai)
        if ai == "01" and not (re.fullmatch(r"\d{14}", v) and gs1_check(v[:13]) == v[13]):
            raise ValueError("GTIN check digit")
        if ai in ("11", "17") and not re.fullmatch(r"\d{6}", v):
            raise ValueError("date")
        if ai in ("10", "21") and not CSET82.match(v):
            raise ValueError("CSET82")
    if "01" not in ais or "21" not in ais:
        raise ValueError("no GTIN+serial")
    return ("gs1", ais["01"], ais["21"])


def check(path):
    ev = [json.loads(l) for l in open(path, encoding="utf-8")]
    flags = []
    prods, stock = {}, defaultdict(int)
    state, packs = {}, {}
    last = None
    for i, e in enumerate(ev, 1):
        k, d = e["kind"], e["data"]
        t = dt.datetime.fromisoformat(e["occurred_at"])
        if last and t < last and k != "temperature_reading":
            flags.append(("ORDER", i, "occurred_at goes back"))
        last = max(last, t) if last else t
        ent = dt.datetime.fromisoformat(e["entered_at"])
        if ent - t > dt.timedelta(hours=72):
            flags.append(("LATE-ENTRY", i, ""))
        if k == "product_registered":
            prods[d["product"]] = d
            continue
        if k == "aggregation":
            if d["action"] == "pack":
                packs[d["parent"]] = list(d["children"])
            else:
                packs.pop(d["parent"], None)
            continue
        if k == "invoice":
            tot = 0
            for l in d["lines"]:
                if l["amount"]["minor"] != l["quantity"] * l["unit_price"]["minor"]:
                    flags.append(("ARITH", i, "line amount"))
                tot += l["amount"]["minor"]
            if tot != d["total"]["minor"]:
                flags.append(("ARITH", i, "total"))
            continue
        if k not in ("receipt", "put_away", "transfer", "dispatch", "customer_return", "supplier_return", "destruction", "loss_report"):
            continue
        ctl = lambda l: prods[l["product"]]["control"] in CONTROLLED
        if k == "receipt" and any(ctl(l) for l in d["lines"]) and len(set(d["acceptors"])) < 2:
            flags.append(("SPECIAL-2P", i, ""))
        if k == "destruction" and any(ctl(l) for l in d["lines"]) and not d.get("supervisors"):
            flags.append(("SPECIAL-DESTROY", i, ""))
        if k == "loss_report" and any(ctl(l) for l in d["lines"]):
            disc = dt.datetime.fromisoformat(d["discovered_at"])
            if t - disc > dt.timedelta(hours=24) or not d.get("reported_to"):
                flags.append(("SPECIAL-LOSS", i, ""))
        for l in d["lines"]:
            p, b = l["product"], l["batch"]
            q = l.get("accepted", l.get("quantity"))
            if k == "receipt":
                dst, src = l["location"], None
            elif k in ("put_away", "transfer"):
                src, dst = l["from"], l["to"]
            elif k == "customer_return":
                src, dst = None, l["to"]
            else:
                src, dst = l["from"], None
            if src:
                before = stock[(p, b, src)]
                stock[(p, b, src)] -= q
                if stock[(p, b, src)] < 0:
                    flags.append(("STOCK-NEG", i, "%s %s at %s: before %d after %d" % (p, b, src, before, stock[(p, b, src)])))
            if dst:
                stock[(p, b, dst)] += q
            # codes
            units = []
            bad = []
            for c in l.get("codes", []):
                try:
                    key = parse_code(c)
                except ValueError as ex:
                    bad.append((c, str(ex)))
                    continue
                if c in packs:
                    for ch in packs[c]:
                        units.append(parse_code(ch))
                else:
                    units.append(key)
            if bad:
                flags.append(("CODE-FORMAT", i, "; ".join("%r: %s" % b_ for b_ in bad)))
            uniq = list(dict.fromkeys(units))
            if ctl(l) and k != "loss_report" and len(uniq) != q:
                flags.append(("SPECIAL-CHAIN", i, "%d units %d distinct codes" % (q, len(uniq))))
            for u in uniq:
                st = state.get(u)
                if k == "receipt":
                    if st and st[0] == "at":
                        flags.append(("CODE-DUP", i, "received in stock %s" % (u,)))
                elif k == "customer_return":
                    if st is None:
                        flags.append(("CODE-UNKNOWN", i, "returned unknown %s" % (u,)))
                    elif st[0] == "at":
                        flags.append(("CODE-DUP", i, "returned in stock %s" % (u,)))
                else:
                    if st is None:
                        flags.append(("CODE-UNKNOWN", i, "moved unknown %s" % (u,)))
                    elif st[0] == "left":
                        flags.append(("CODE-DUP", i, "moved after leaving %s" % (u,)))
                    elif st[1] != src and ctl(l):
                        flags.append(("SPECIAL-CHAIN", i, "elsewhere %s at %s not %s" % (u, st[1], src)))
                state[u] = ("at", dst) if dst else ("left", t)
    return flags, stock


if __name__ == "__main__":
    for path in sys.argv[1:]:
        flags, stock = check(path)
        print("==", path.split("/")[-1])
        for f in flags:
            print("  %-16s %4d  %s" % f)

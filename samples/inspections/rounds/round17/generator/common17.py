"""Customers and small helpers for round 17 ledgers."""
import hashlib
from world17 import *

def _h(name, n):
    return hashlib.sha256(name.encode()).digest()[:n]

def ent_id(name, div):
    hb = _h(name, 6)
    body = "MA" + "".join(USCC_CHARS[b % 31] for b in hb)
    return uscc('91', div, body)

def inst_id(name, div):
    hb = _h(name, 7)
    body = "4" + "".join(str(b % 10) for b in hb)
    return uscc('12', div, body)

def acct(name, n=19):
    hb = hashlib.sha256(("acct" + name).encode()).digest()
    return "".join(str(b % 10) for b in hb[:n])

BANKS = ["中国工商银行杭州{}支行", "中国农业银行杭州{}支行", "中国银行杭州{}支行", "中国建设银行杭州{}支行",
         "交通银行杭州{}支行", "杭州银行{}支行", "浙商银行杭州{}支行"]

def chain(name, div, district, street, lic, i=0, scope=None, province="浙江"):
    return customer(None, ent_id(name, div), name, "retail_chain", lic, "drug_retail", scope or CHAIN_SCOPE,
                    BANKS[i % len(BANKS)].format(district[:2]), acct(name), f"浙江省杭州市{district}{street}"
                    if not street.startswith("浙江省") else street, province=province)

def hospital(name, div, address, lic, i=0, scope=None, public=True, special=None):
    return customer(None, inst_id(name, div), name, "medical_institution", lic, "medical_institution",
                    scope or HOSP_SCOPE, BANKS[i % len(BANKS)].format("城西"), acct(name, 17), address,
                    public=public, special=special)

def mondays(start, n, hh=10, mm=0, step=7):
    return [start + D(days=step * i, hours=hh, minutes=mm) for i in range(n)]

def day(y, m, d):
    return bj(y, m, d)

import csv, io, shutil
src=open('/work/insp33/samples/erp/goods-2026-10.csv',encoding='gb18030',newline='').read()
rows=list(csv.reader(io.StringIO(src)))
hdr,body=rows[0],rows[1:]
# find the 布洛芬 row of PS2026101400003
idx=[i for i,r in enumerate(body) if r[1]=='PS2026101400003' and r[10]=='86933021156022'][0]
dup=body[:idx+1]+[list(body[idx])]+body[idx+1:]
def w(path, hdr, rows, pad=False):
    out=io.StringIO(); cw=csv.writer(out, lineterminator='\r\n')
    cw.writerow(hdr)
    for r in rows:
        if pad: r=[(' '+c+' ' if c and k in (1,) else ('\t'+c if c and k in (10,16) else c)) for k,c in enumerate(r)]
        cw.writerow(r)
    open(path,'w',encoding='gb18030',newline='').write(out.getvalue())
D='ledgers/364-inputs/'
w(D+'364-goods-2026-10.csv',hdr,dup)                 # step 1: the export with one row twice
w(D+'364-goods-2026-10-fixed.csv',hdr,body)          # step 2: re-export after removing the row in the ERP
w(D+'364-goods-2026-10-padded.csv',hdr,dup,pad=True) # step 3: step 1 re-exported with padded cells
shutil.copy('/work/insp33/samples/erp/finance-2026-10.csv',D+'364-finance-2026-10.csv')
shutil.copy('/work/insp33/samples/erp/goods.toml',D+'364-goods.toml')
shutil.copy('/work/insp33/samples/erp/finance.toml',D+'364-finance.toml')
shutil.copy('/work/insp33/samples/erp/master.jsonl','ledgers/364-erp-import-duplicate-row-fixed-reexport-refused-padded-reexport-overlapping-exports.jsonl')
# step 4: two overlapping exports (25 Oct-1 Nov and 1 Nov-7 Nov) both hold the sale of 1 Nov
sale=['销售订单','XS2026110100001','2026-11-01 09:00','2026-11-01 09:03','销售-许晨','12330106470089126A','杭州市西溪人民医院','','','','86933021156015','阿莫西林胶囊','0.25g×24粒/盒','2609150231','','2028/08/31','100','','','10.30','1030.00','','','','','','']
rev=['出库复核单','FH2026110100001','2026-11-01 10:10','2026-11-01 10:13','复核-郭婷','12330106470089126A','杭州市西溪人民医院','XS2026110100001','','','86933021156015','阿莫西林胶囊','0.25g×24粒/盒','2609150231','','2028/08/31','100','','','','','','','复核-郭婷','合格','','']
assert len(sale)==len(hdr)==len(rev)
w(D+'364-goods-2026-10-25_11-01.csv',hdr,[sale])
w(D+'364-goods-2026-11-01_11-07.csv',hdr,[sale,rev])
for i,r in enumerate(dup,2): print(i, r[0], r[1], r[10], r[16])

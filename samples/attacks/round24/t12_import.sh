#!/bin/bash
# Attack 3d: malformed CSV to `import csv`
cd /work/atk24/work; R="timeout 60 ../bin/rxledger"; S=../samples/erp
rm -rf IM; $R init IM >/dev/null; $R append IM $S/master.jsonl >/dev/null
seg() { cat IM/seg-* | sha256sum | cut -c1-16; }
G=$S/goods-2026-10.csv
t() { local lab="$1"; shift; local b=$(seg); out=$("$@" 2>&1); rc=$?; a=$(seg); [ "$a" = "$b" ] && ch=UNCHANGED || ch=CHANGED; echo "[$rc] $ch $lab: $(echo "$out" | head -3 | cut -c1-300)"; }
iconv -f gb18030 -t utf-8 $G > g-utf8.csv
# invalid GB18030: insert bytes 0xFF 0xFF on line 5
python3 - <<'P'
d=open('/work/atk24/samples/erp/goods-2026-10.csv','rb').read().split(b'\n')
d4=list(d); d4[4]=d4[4].replace(b',',b',\xff\xff',1); open('g-badenc.csv','wb').write(b'\n'.join(d4))
d5=list(d); d5[4]=d5[4]+b',extra,cols'; open('g-extracol.csv','wb').write(b'\n'.join(d5))
d6=list(d); d6[4]=d6[4].split(b',')[0]; open('g-fewcol.csv','wb').write(b'\n'.join(d6))
d7=list(d); d7[4]=d7[4].replace(b',',b',"unterminated',1); open('g-quote.csv','wb').write(b'\n'.join(d7))
d8=list(d); d8[4]=d8[4].replace(b',',b',\x00',1); open('g-nul.csv','wb').write(b'\n'.join(d8))
open('g-headeronly.csv','wb').write(d[0]+b'\n'); open('g-empty.csv','wb').write(b'')
open('g-cut.csv','wb').write(b'\n'.join(d)[:len(b'\n'.join(d))//2])
open('g-bigcell.csv','wb').write(b'\n'.join(d[:4]+[d[4].replace(b',',b','+b'A'*(50*1024*1024),1)]+d[5:]))
P
t "baseline import (sample)" $R import csv IM $G --mapping $S/goods.toml
rm -rf IM; $R init IM >/dev/null; $R append IM $S/master.jsonl >/dev/null
t "invalid GB18030 bytes on line 5" $R import csv IM g-badenc.csv --mapping $S/goods.toml
t "UTF-8 file read as GB18030 mapping" $R import csv IM g-utf8.csv --mapping $S/goods.toml
t "extra columns on line 5" $R import csv IM g-extracol.csv --mapping $S/goods.toml
t "too few columns on line 5" $R import csv IM g-fewcol.csv --mapping $S/goods.toml
t "unterminated quote on line 5" $R import csv IM g-quote.csv --mapping $S/goods.toml
t "NUL in a cell line 5" $R import csv IM g-nul.csv --mapping $S/goods.toml
t "header only" $R import csv IM g-headeronly.csv --mapping $S/goods.toml
t "empty file" $R import csv IM g-empty.csv --mapping $S/goods.toml
t "file cut in the middle" $R import csv IM g-cut.csv --mapping $S/goods.toml
t "50 MB cell" $R import csv IM g-bigcell.csv --mapping $S/goods.toml
t "directory as csv" $R import csv IM adir --mapping $S/goods.toml
t "mapping is a directory" $R import csv IM $G --mapping adir
printf 'name = "x"\nencoding = "nope"\n' > m-badenc.toml; t "mapping with unknown encoding" $R import csv IM $G --mapping m-badenc.toml
printf '[[[' > m-bad.toml; t "mapping not TOML" $R import csv IM $G --mapping m-bad.toml
rm -f ff3; mkfifo ff3; ( cat $G > ff3 ) & t "FIFO as csv (20s)" timeout 20 ../bin/rxledger import csv IM ff3 --mapping $S/goods.toml; kill %1 2>/dev/null
t "xlsx that is really csv" $R import xlsx IM $G --mapping $S/goods.toml
head -c 3000 /dev/urandom > rnd.xlsx; t "random bytes as xlsx" $R import xlsx IM rnd.xlsx --mapping $S/goods.toml
python3 -c "
import zipfile; z=zipfile.ZipFile('bomb.xlsx','w',zipfile.ZIP_DEFLATED); z.writestr('[Content_Types].xml','<x/>'); z.writestr('xl/workbook.xml','<workbook>'+'<a>'*100000+'</workbook>'); z.writestr('xl/worksheets/sheet1.xml','<worksheet><sheetData>'+'<row><c><v>1</v></c></row>'*10+' '*(300*1024*1024)+'</sheetData></worksheet>'); z.close()"
ls -la bomb.xlsx; t "zip bomb-ish xlsx (300 MB sheet, nested workbook)" /usr/bin/time -f "%e s %M KB" timeout 60 ../bin/rxledger import xlsx IM bomb.xlsx --mapping $S/goods.toml
echo '{' > bad.epcis.json; t "epcis: truncated JSON" $R import epcis IM bad.epcis.json
python3 -c "open('deep.epcis.json','w').write('{\"a\":'*100000+'1'+'}'*100000)"; t "epcis: 100k nested" $R import epcis IM deep.epcis.json

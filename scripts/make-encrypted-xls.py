"""
Writes a workbook as an Excel 97-2003 .xls with an open password (RC4 CryptoAPI, as Excel and WPS write it),
through LibreOffice: the fixture tests/xlsx/fixtures/sample-password-rc4.xls (the sample ledger, password
台账pw) was made with it. Needs LibreOffice Calc and Debian's python3 (for its uno module):

    /usr/bin/python3 scripts/make-encrypted-xls.py samples/泸县总工会2024年预算执行台账.xlsx out.xls 台账pw
"""
import subprocess, time, sys, uno
from com.sun.star.beans import PropertyValue
def pv(n, v):
    p = PropertyValue(); p.Name = n; p.Value = v; return p
proc = subprocess.Popen(['soffice','--headless','--invisible','--norestore','-env:UserInstallation=file:///tmp/jxjk-lo-profile','--accept=socket,host=localhost,port=2099;urp;'])
ctx = None
for i in range(60):
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        ctx = resolver.resolve('uno:socket,host=localhost,port=2099;urp;StarOffice.ComponentContext')
        break
    except Exception:
        time.sleep(0.5)
smgr = ctx.ServiceManager
desktop = smgr.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
src, dst, pw = sys.argv[1], sys.argv[2], sys.argv[3]
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), '_blank', 0, (pv('Hidden', True),))
doc.storeToURL(uno.systemPathToFileUrl(dst), (pv('FilterName', 'MS Excel 97'), pv('Password', pw)))
doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass
proc.wait(timeout=30)
print('done')

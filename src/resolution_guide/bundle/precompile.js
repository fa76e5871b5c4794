// Build step (Node): precompile the Python modules the calculators import, with the
// pinned Pyodide itself, so the browser does not compile them at every start.
//
//   node precompile.js <pyodide dir> <engine wheel> <stdlib zip out> <engine zip out>
//
// Why: Pyodide ships the standard library as .py sources only; compiling them is most
// of the start-up time. Bytecode made by the same Pyodide build has the right magic
// number. Unchecked hash-based .pyc files are never compared with a source, so they
// stay valid inside the zip and after the wheel is unpacked.
// (CommonJS with a dynamic import, so it ships as a plain .js package file.)
const fs = require("node:fs");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

// Runs inside Pyodide after the engine wheel is unpacked; writes two zips into /rg-build
// (Pyodide's in-memory file system, not the disk).
const PYTHON = `
import importlib.util, io, marshal, site, sys, zipfile

import resolution_guide.engine.api as api

# Import everything a calculation needs, with a case that reaches every rule.
for action in ("compute", "ics"):
    api.handle('{"action": "%s", "case": {"received": "2026-07-01", "filed_by": "parent", '
               '"hearing_dates": ["2026-09-14"], "agreement_signed": "2026-07-02", "state": "CA"}}' % action)

STDLIB = "/lib/python%d%d.zip" % sys.version_info[:2]


def pyc(source, filename):
    code = compile(source, filename, "exec", dont_inherit=True)
    flags = (0b01).to_bytes(4, "little")  # hash-based, unchecked (PEP 552)
    return importlib.util.MAGIC_NUMBER + flags + importlib.util.source_hash(source) + marshal.dumps(code)


imported = {m.__spec__.origin for m in list(sys.modules.values())
            if getattr(m, "__spec__", None) and isinstance(m.__spec__.origin, str)}

# Standard library: the imported modules' .py become .pyc (zipimport tries .pyc first).
out = io.BytesIO()
with zipfile.ZipFile(STDLIB) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
    for info in src.infolist():
        data = src.read(info)
        if info.filename.endswith(".py") and STDLIB + "/" + info.filename in imported:
            dst.writestr(info.filename[:-3] + ".pyc", pyc(data, STDLIB + "/" + info.filename))
        else:
            dst.writestr(info, data)
open("/rg-build/stdlib.zip", "wb").write(out.getvalue())

# Engine: the wheel plus __pycache__ entries next to each module.
out = io.BytesIO()
with zipfile.ZipFile("/rg-build/engine.whl") as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
    for info in src.infolist():
        data = src.read(info)
        dst.writestr(info, data)
        if info.filename.endswith(".py"):
            installed = site.getsitepackages()[0] + "/" + info.filename
            dst.writestr(importlib.util.cache_from_source(info.filename), pyc(data, installed))
open("/rg-build/engine.zip", "wb").write(out.getvalue())
`;

async function main() {
  const [pyodideDir, wheelPath, stdlibOut, engineOut] = process.argv.slice(2);
  const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep, stdout: () => {}, stderr: () => {} });
  const wheel = new Uint8Array(fs.readFileSync(wheelPath));
  pyodide.unpackArchive(wheel, "wheel", { extractDir: pyodide.runPython("import site; site.getsitepackages()[0]") });
  pyodide.FS.mkdirTree("/rg-build");
  pyodide.FS.writeFile("/rg-build/engine.whl", wheel);
  pyodide.runPython(PYTHON);
  fs.writeFileSync(stdlibOut, pyodide.FS.readFile("/rg-build/stdlib.zip"));
  fs.writeFileSync(engineOut, pyodide.FS.readFile("/rg-build/engine.zip"));
}

main().catch((err) => { console.error(err); process.exit(1); });

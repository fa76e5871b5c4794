// Build a trimmed standard-library zip: only the modules the engine and the runtime glue use.
//   node trim-stdlib.mjs make  <pyodide dir> <engine wheel> <out zip>
//   node trim-stdlib.mjs check <pyodide dir> <engine wheel> <trimmed zip>
// Why: Pyodide's python_stdlib.zip is 2.5 MB on the wire; the calculators use a small part of it.
// make: boots the pinned Pyodide with its full zip, installs the engine as the page does, runs
//   every engine action, and keeps the union of (a) every module that run imported (this covers
//   the interpreter's own start-up, the lazy imports of the frozen importlib and those on the
//   paths the engine takes) and (b) a static import closure (ast): every `import` anywhere in the
//   engine's files, then, in each standard module reached that the run did NOT import, the
//   imports it runs when imported (module level, not in functions: following those pulls in pdb,
//   pydoc and most of the zip). A module the run imported is not followed: whatever it imports
//   at module level on this platform was imported too; the rest is behind a platform test or a
//   fallback (asyncio.windows_events, _pydatetime when _datetime is built in) and never runs here.
//   Modules frozen into the interpreter (os, codecs...) are left out: never read from the zip.
//   The modules the run imported are kept as bytecode compiled by this Pyodide (a start without
//   the memory snapshot spends most of its time compiling sources: measured 9.4 s -> 4.1 s on the
//   emulated phone); the rest (imported only on other paths, if ever) as their smaller sources.
// check: boots with the trimmed zip instead, imports every standard module the engine names and
//   runs the engine's actions again. A missing module prints {"missing": name} and exits 3.
// Prints one JSON line on stdout.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [mode, pyodideDir, wheelPath, zipPath] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);

// Every engine action once; the same requests in both modes. Run before any analysis, so the
// captured modules are those of a page, not of this script.
const EXERCISE = `
import json, sys
from resolution_guide.engine import api, docx_writer
for _request in (api.WARM_UP_REQUEST,
                 {"action": "ics", "case": {"received": "2026-07-01", "hearing_dates": ["2026-09-14"]}},
                 {"action": "describe"},
                 {"action": "compute", "locale": "es", "case": {"received": "2026-02-30"}},
                 {"action": "letter", "pack": {"letters": []}, "case": {}},
                 "not json"):
    api.handle(_request if isinstance(_request, str) else json.dumps(_request))
docx_writer.docx_bytes([], "t")
`;

// The engine's own imports, resolved to absolute names (relative imports included).
const ENGINE_IMPORTS = `
import ast, os, site
def _nodes(tree, everywhere):
    """Every node, or (everywhere False) those a module runs when imported: not function bodies,
    not \`if TYPE_CHECKING:\` or \`if __name__ == "__main__":\` blocks."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        if not everywhere:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            if isinstance(node, ast.If) and ("TYPE_CHECKING" in ast.unparse(node.test)
                                             or "__main__" in ast.unparse(node.test)):
                todo.extend(node.orelse)
                continue
        todo.extend(ast.iter_child_nodes(node))

def _imports(tree, modname, is_pkg, everywhere=True):
    for node in _nodes(tree, everywhere):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                pkg = modname if is_pkg else modname.rpartition(".")[0]
                for _ in range(node.level - 1):
                    pkg = pkg.rpartition(".")[0]
                base = pkg + ("." + base if base else "")
            yield base
            for alias in node.names:
                yield base + "." + alias.name        # may be a submodule

def engine_imports():
    root = site.getsitepackages()[0]
    found = set()
    for folder, _, files in os.walk(os.path.join(root, "resolution_guide")):
        for name in files:
            if name.endswith(".py"):
                file = os.path.join(folder, name)
                mod = os.path.relpath(file, root)[:-3].replace("/", ".")
                is_pkg = mod.endswith(".__init__")
                mod = mod.removesuffix(".__init__")
                with open(file, encoding="utf-8") as fh:
                    found.update(_imports(ast.parse(fh.read()), mod, is_pkg))
    return {n for n in found if n and not n.startswith("resolution_guide")}
`;

const MAKE = `
import importlib.machinery, io, sys, zipfile
STDLIB = "/lib/python%d%d.zip" % sys.version_info[:2]
src = zipfile.ZipFile(STDLIB)
names = set(src.namelist())

def file_of(mod):
    base = mod.replace(".", "/")
    for candidate in (base + ".py", base + "/__init__.py"):
        if candidate in names:
            return candidate
    return None

keep = set()
for module in list(sys.modules.values()):           # what the run imported
    origin = getattr(getattr(module, "__spec__", None), "origin", None)
    if isinstance(origin, str) and origin.startswith(STDLIB + "/"):
        keep.add(origin[len(STDLIB) + 1:])

imported = set(keep)                                 # bytecode for these; sources for the rest
imported_names = {f[:-3].removesuffix("/__init__").replace("/", ".") for f in keep}
todo = sorted(engine_imports())
seen = set()
while todo:
    mod = todo.pop()
    if mod in seen:
        continue
    seen.add(mod)
    parts = mod.split(".")
    todo.extend(".".join(parts[:i]) for i in range(1, len(parts)))     # parent packages
    file = file_of(mod)
    if file is None:
        continue                                     # built in, a name inside a module, or absent
    if mod not in imported_names and importlib.machinery.FrozenImporter.find_spec(mod) is not None:
        continue                                     # frozen into the interpreter (os, codecs...): never read from the zip
    keep.add(file)
    if mod in imported_names:
        continue                                     # the run imported it: its imports that can run here ran
    try:
        tree = ast.parse(src.read(file))
    except SyntaxError:
        continue
    todo.extend(_imports(tree, mod, file.endswith("/__init__.py"), everywhere=False))

def pyc(source, filename):
    """Unchecked hash-based bytecode (PEP 552): zipimport takes it before the .py and never looks
    for a source. optimize=2 (no docstrings, no asserts; a supported CPython mode): 0.3 MB less."""
    import importlib.util, marshal
    code = compile(source, filename, "exec", dont_inherit=True, optimize=2)
    return (importlib.util.MAGIC_NUMBER + (0b01).to_bytes(4, "little") + importlib.util.source_hash(source)
            + marshal.dumps(code))

out = io.BytesIO()
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
    for info in src.infolist():
        if info.filename in keep:
            data = src.read(info)
            if info.filename in imported:
                info = zipfile.ZipInfo(info.filename[:-3] + ".pyc", info.date_time)
                data = pyc(data, STDLIB + "/" + info.filename[:-1])
            dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
open("/rg-trimmed.zip", "wb").write(out.getvalue())
RESULT = {"modules": len(keep), "source_files": len([n for n in names if n.endswith(".py")])}
`;

const CHECK = `
import importlib
RESULT = {"missing": None}
for _name in sorted(engine_imports()):
    try:
        importlib.import_module(_name)
    except ModuleNotFoundError as err:
        if err.name and err.name.split(".")[0] == _name.split(".")[0] and _name.rpartition(".")[0]:
            # "from x import y" where y is a name, not a module: fine if x imports
            try:
                importlib.import_module(_name.rpartition(".")[0])
                continue
            except ModuleNotFoundError as err2:
                err = err2
        RESULT = {"missing": err.name or _name, "needed_by": _name}
        break
if RESULT["missing"] is None:
    try:
        exec(EXERCISE_SOURCE)
    except ModuleNotFoundError as err:
        RESULT = {"missing": err.name, "needed_by": "running the engine"}
`;

async function boot(stdLibURL) {
  const options = { indexURL: pyodideDir + path.sep, stdout: () => {}, stderr: () => {} };
  if (stdLibURL) options.stdLibURL = stdLibURL;
  const pyodide = await loadPyodide(options);
  // As the page does (python-worker.js): the wheel into site-packages, then the engine.
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel", { extractDir: sitePackages });
  return pyodide;
}

const t0 = performance.now();
let result;
if (mode === "make") {
  const pyodide = await boot(null);
  pyodide.runPython(EXERCISE);
  pyodide.runPython(ENGINE_IMPORTS + MAKE);
  result = pyodide.globals.get("RESULT").toJs({ dict_converter: Object.fromEntries });
  const bytes = pyodide.FS.readFile("/rg-trimmed.zip");
  writeFileSync(zipPath, bytes);
  result.bytes = bytes.length;
} else if (mode === "check") {
  const pyodide = await boot(zipPath);
  pyodide.globals.set("EXERCISE_SOURCE", EXERCISE);
  pyodide.runPython(ENGINE_IMPORTS + CHECK);
  result = pyodide.globals.get("RESULT").toJs({ dict_converter: Object.fromEntries });
} else {
  console.error("usage: node trim-stdlib.mjs make|check <pyodide dir> <engine wheel> <zip>");
  process.exit(2);
}
result.ms = Math.round(performance.now() - t0);
console.log(JSON.stringify(result));
if (result.missing) process.exit(3);

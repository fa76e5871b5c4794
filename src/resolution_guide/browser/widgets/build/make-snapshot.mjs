// Make a Pyodide memory snapshot with the engine already imported, at site-build time.
// Usage: node make-snapshot.mjs <pyodide dir> <engine wheel> <output file (.gz)>
// Why: booting Python from a snapshot skips the interpreter start-up and the stdlib
// imports (several seconds in a browser). _makeSnapshot / makeMemorySnapshot are private
// Pyodide options: the browser falls back to a normal boot if the snapshot fails.
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [pyodideDir, wheelPath, outPath] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);

const t0 = performance.now();
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep, _makeSnapshot: true });
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel", { extractDir: sitePackages });
// Import and run everything a page will use, so the snapshot holds it compiled.
pyodide.runPython(`
import json
from resolution_guide.engine import api
api.handle(json.dumps({"action": "compute", "case": {"received": "2026-07-01", "hearing_dates": ["2026-09-14"],
                       "agreement_signed": "2026-07-02", "state": "CA"}}))
api.handle(json.dumps({"action": "ics", "case": {"received": "2026-07-01"}}))
del json, api
`);
const snapshot = pyodide.makeMemorySnapshot();
const gz = gzipSync(snapshot, { level: 6 });
writeFileSync(outPath, gz);
console.log(JSON.stringify({ raw_bytes: snapshot.length, gzip_bytes: gz.length, ms: Math.round(performance.now() - t0) }));

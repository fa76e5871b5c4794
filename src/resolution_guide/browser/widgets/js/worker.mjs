// The hosted way to boot the one worker body (python-worker.js): a module worker, because
// Pyodide's loader is an ES module. Everything else (protocol, warm-up, errors) is in the body.
import { loadPyodide } from "../pyodide/pyodide.mjs";
import { SNAPSHOT_FILE } from "./boot-config.mjs";
import "./python-worker.js";

self.RGPythonWorker.serve(self, { scope: self, loadPyodide, snapshotFile: SNAPSHOT_FILE });

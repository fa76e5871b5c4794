// Precompressed siblings for a static host that serves them (x.br, x.gz beside x), at site-build time.
// Usage: node precompress.mjs <file> <out.br> <out.gz> [<file> <out.br> <out.gz> ...]
// Why Node: Python's standard library has no Brotli; Node's zlib does. Brotli quality 11: on the
// 9.6 MB wasm 2.74 MB instead of 3.10 MB at 9 (0.3 s less on a 9 Mbit/s phone) for about 20 s once
// per Pyodide version (the build cache keeps the result; DESIGN.md, "Phone speed").
import { readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const args = process.argv.slice(2);
const figures = [];
for (let i = 0; i + 2 < args.length; i += 3) {
  const [file, brOut, gzOut] = args.slice(i, i + 3);
  const data = readFileSync(file);
  const br = brotliCompressSync(data, { params: {
    [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
  const gz = gzipSync(data, { level: 9 });
  writeFileSync(brOut, br);
  writeFileSync(gzOut, gz);
  figures.push({ file, raw: data.length, br: br.length, gz: gz.length });
}
console.log(JSON.stringify(figures));

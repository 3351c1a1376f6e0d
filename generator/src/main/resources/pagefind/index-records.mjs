// slmhub's Pagefind indexer: reads one JSON record per line on stdin (url, content, language, meta,
// filters, sort), adds each to a Pagefind index through its Node API, and writes the index to the
// folder named by the first argument. Run through `npx -p pagefind@VERSION node index-records.mjs DIR`,
// which puts the pinned package's bin folder first on PATH; the package sits beside that folder.
import { existsSync } from "node:fs";
import { join, delimiter } from "node:path";
import { pathToFileURL } from "node:url";
import { createInterface } from "node:readline";

const outputPath = process.argv[2];
const lib = (process.env.PATH || "").split(delimiter)
  .map((dir) => join(dir, "..", "pagefind", "lib", "index.js"))
  .find((file) => existsSync(file));
if (!outputPath || !lib) {
  console.error(lib ? "usage: index-records.mjs OUTPUT_DIR" : "the pagefind package is not on PATH (run this through npx -p pagefind@VERSION)");
  process.exit(2);
}
const pagefind = await import(pathToFileURL(lib).href);
const fail = (what, errors) => {
  console.error(what + ": " + errors.join("; "));
  process.exit(1);
};

const { index, errors } = await pagefind.createIndex({});
if (errors.length) fail("Pagefind could not start", errors);
const added = [];
let line = 0;
for await (const text of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const at = ++line;
  if (!text) continue;
  added.push(index.addCustomRecord(JSON.parse(text)).then((r) => {
    if (r.errors.length) fail("record " + at, r.errors);
  }));
}
await Promise.all(added);
const written = await index.writeFiles({ outputPath });
if (written.errors.length) fail("Pagefind could not write " + outputPath, written.errors);
console.log(JSON.stringify({ pages: added.length }));
await pagefind.close();

// Shrinks what a page loads from pkg/, after wasm-pack has written it: the wasm-bindgen glue
// and its JS snippets become one minified module (one request instead of four, and one
// gzip stream), the element entry and the stylesheet are minified in place. Exports, the
// wasm's file name and the import object's names are kept, so maillint.d.ts still describes
// the module. Rolldown (Vite's bundler) and Lightning CSS are npm dev dependencies.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { build } from "rolldown";
import { transform } from "lightningcss";

const pkg = new URL("../pkg/", import.meta.url);
const path = (name) => new URL(name, pkg).pathname;

async function minify(entry, external) {
  const result = await build({
    input: path(entry),
    external,
    platform: "browser",
    write: false,
    output: { format: "esm", minify: true, codeSplitting: false },
  });
  const chunks = result.output.filter((o) => o.type === "chunk");
  const assets = result.output.filter((o) => o.type === "asset");
  // The glue loads maillint_bg.wasm itself (new URL(..., import.meta.url)); the bundler must
  // not have copied or renamed it.
  if (chunks.length !== 1 || assets.length !== 0) throw new Error(`${entry}: expected one chunk and no assets`);
  writeFileSync(path(entry), chunks[0].code);
}

await minify("maillint.js", []);
rmSync(path("snippets"), { recursive: true, force: true });
await minify("element.js", ["./maillint.js"]);
const css = transform({ filename: "maillint.css", code: readFileSync(path("maillint.css")), minify: true });
writeFileSync(path("maillint.css"), css.code);

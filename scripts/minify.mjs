// Shrinks what a page loads from pkg/, after wasm-pack has written it: the wasm-bindgen glue
// and its JS snippets become one minified module (one request instead of four, and one
// gzip stream), the element entry and the stylesheet are minified in place. Exports, the
// wasm's file name and the import object's names are kept, so maillint.d.ts still describes
// the module. Rolldown (Vite's bundler) and Lightning CSS are npm dev dependencies.
import { copyFileSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { build } from "rolldown";
import { transform } from "lightningcss";

const pkg = new URL("../pkg/", import.meta.url);
const path = (name) => new URL(name, pkg).pathname;

async function minify(entry, external, out = entry) {
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
  writeFileSync(path(out), chunks[0].code);
}

// The package's module: src/wasm/entry.js over wasm-bindgen's glue (exports, init, the
// widget's class) with its one snippet, the trap guard (src/wasm/guard.js).
renameSync(path("maillint.js"), path("glue.js"));
copyFileSync(new URL("../src/wasm/entry.js", import.meta.url), path("entry.js"));
await minify("entry.js", [], "maillint.js");
for (const name of ["glue.js", "entry.js", "snippets"]) rmSync(path(name), { recursive: true, force: true });
const css = transform({ filename: "maillint.css", code: readFileSync(path("maillint.css")), minify: true });
writeFileSync(path("maillint.css"), css.code);
// The element carries the stylesheet as text (a constructed stylesheet in its shadow root):
// written as a module here and bundled into element.js.
writeFileSync(path("element-style.js"), `export default ${JSON.stringify(Buffer.from(css.code).toString("utf8"))};\n`);
await minify("element.js", ["./maillint.js"]);
rmSync(path("element-style.js"));

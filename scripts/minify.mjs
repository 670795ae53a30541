// Shrinks what a page loads from pkg/, after wasm-pack has written it: the wasm-bindgen glue
// and its JS snippets become one minified module (one request instead of four, and one
// gzip stream) beside the package's small entry, the element entry and the stylesheet are
// minified in place. Exports and the
// wasm's file name are kept, so maillint.d.ts still describes the module; the functions the
// .wasm imports from the glue get short names in both (scripts/short-imports.mjs).
// Rolldown (Vite's bundler) and Lightning CSS are npm dev dependencies.
import { copyFileSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { build } from "rolldown";
import { transform } from "lightningcss";
import { shortImports } from "./short-imports.mjs";

const pkg = new URL("../pkg/", import.meta.url);
const path = (name) => new URL(name, pkg).pathname;

async function minify(entry, external, out = entry, plugins = []) {
  const chunks = await bundle({ [out.replace(/\.js$/, "")]: entry }, external, plugins);
  writeFileSync(path(out), chunks[0].code);
}

/** Bundles `inputs` (output name → file in pkg/) into exactly one chunk each, minified. */
async function bundle(inputs, external, plugins) {
  const result = await build({
    input: Object.fromEntries(Object.entries(inputs).map(([name, file]) => [name, path(file)])),
    external,
    plugins,
    platform: "browser",
    // The glue's module goes into its own entry's chunk, not a third one both import.
    preserveEntrySignatures: "allow-extension",
    write: false,
    output: { format: "esm", minify: true, entryFileNames: "[name].js" },
  });
  const chunks = result.output.filter((o) => o.type === "chunk");
  const assets = result.output.filter((o) => o.type === "asset");
  // The glue loads maillint_bg.wasm itself (new URL(..., import.meta.url)); the bundler must
  // not have copied or renamed it, nor split a shared chunk off.
  const names = Object.keys(inputs).map((name) => `${name}.js`).sort();
  if (assets.length !== 0 || chunks.map((c) => c.fileName).sort().join() !== names.join()) {
    throw new Error(`${names}: expected exactly these chunks and no assets, got ${chunks.map((c) => c.fileName)}`);
  }
  return chunks;
}

/** Bundles `inputs` and writes each chunk under its name. */
async function minifyAll(inputs, external, plugins) {
  for (const chunk of await bundle(inputs, external, plugins)) writeFileSync(path(chunk.fileName), chunk.code);
}

// The package's module: src/wasm/entry.js over wasm-bindgen's glue (exports, init, the
// widget's class) with its one snippet, the trap guard (src/wasm/guard.js), as two files:
// maillint-core.js, the glue, which the element entry imports too (one module on a page
// using both), and maillint.js, the entry, which imports the glue and English's catalogue.
// Built twice: maillint.js, whose init() with no argument fetches maillint_bg.wasm beside it,
// and maillint-inline.js over maillint-core-inline.js, whose init() takes the .wasm carried
// in wasm-inline.js (see there why). The second has no `new URL(…, import.meta.url)` left, so
// no bundler copies a file nothing loads.
renameSync(path("maillint.js"), path("glue.js"));
// The .wasm's imports from the glue under short names, in both files (see short-imports.mjs).
const short = shortImports(readFileSync(path("maillint_bg.wasm")), readFileSync(path("glue.js"), "utf8"));
writeFileSync(path("maillint_bg.wasm"), short.wasm);
writeFileSync(path("glue.js"), short.glue);
copyFileSync(new URL("../src/wasm/entry.js", import.meta.url), path("entry.js"));
// The catalogues' modules (src/wasm/locales.js imports them by their paths as wasm-bindgen
// places that file, entry.js English's as ./locales/en.js) stay modules of their own,
// imported from ./locales/ beside maillint.js and maillint-core.js.
const catalogues = {
  name: "catalogue-modules",
  resolveId(id) {
    const name = /^(?:\.\/|(?:\.\.\/)+)locales\/(\w+\.js)$/.exec(id)?.[1];
    return name ? { id: `./locales/${name}`, external: true } : null;
  },
};
await minifyAll({ maillint: "entry.js", "maillint-core": "glue.js" }, [], [catalogues]);
const beside = "module_or_path = new URL('maillint_bg.wasm', import.meta.url);";
const carried = {
  name: "wasm-carried",
  transform(code, id) {
    if (!id.endsWith("/glue.js")) return null;
    // wasm-bindgen's default, written by wasm-bindgen itself: the build stops if it changes.
    if (code.split(beside).length !== 2) throw new Error(`glue.js: expected one \`${beside}\``);
    return code.replace(beside, "module_or_path = import('./wasm-inline.js').then((m) => m.inlineWasm());");
  },
};
await minifyAll({ "maillint-inline": "entry.js", "maillint-core-inline": "glue.js" }, ["./wasm-inline.js"], [carried, catalogues]);
for (const name of ["glue.js", "entry.js", "snippets"]) rmSync(path(name), { recursive: true, force: true });
const css = transform({ filename: "maillint.css", code: readFileSync(path("maillint.css")), minify: true });
writeFileSync(path("maillint.css"), css.code);
// The element carries the stylesheet as text (a constructed stylesheet in its shadow root):
// written as a module here and bundled into element.js.
writeFileSync(path("element-style.js"), `export default ${JSON.stringify(Buffer.from(css.code).toString("utf8"))};\n`);
// The .wasm deflated and in base64 (see wasm-inline.js why), for maillint-inline.js and
// element-inline.js: the element built a second time over maillint-inline.js, taking its
// module from there (before element.js is minified in place).
const deflated = deflateRawSync(readFileSync(path("maillint_bg.wasm")), { level: 9 });
writeFileSync(path("wasm-data.js"), `export default "${deflated.toString("base64")}";\n`);
await minify("wasm-inline.js", []);
const inlineElement = {
  name: "element-inline",
  resolveId(id) {
    if (id === "./wasm-source.js") return path("wasm-source-inline.js");
    if (id === "./maillint-core.js") return { id: "./maillint-core-inline.js", external: true };
    return null;
  },
};
await minify("element.js", ["./wasm-inline.js"], "element-inline.js", [inlineElement]);
await minify("element.js", ["./maillint-core.js"]);
for (const name of ["element-style.js", "wasm-data.js", "wasm-source.js", "wasm-source-inline.js"]) rmSync(path(name));

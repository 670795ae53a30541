// Shrinks what a page loads from pkg/, after wasm-pack has written it: the wasm-bindgen glue
// and its JS snippets become one minified module (one request instead of four, and one
// gzip stream), twice: maillint.js, the package's entry with English's texts, and
// maillint-core.js, the glue alone, for the element entry; the element entry and the
// stylesheet are minified in place. Exports and the wasm's file name are kept, so
// maillint.d.ts still describes the module; the functions the .wasm imports from the glue
// get short names in both (scripts/short-imports.mjs).
// Rolldown (Vite's bundler) and Lightning CSS are npm dev dependencies.
import { copyFileSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { build } from "rolldown";
import { transform } from "lightningcss";
import { shortImports } from "./short-imports.mjs";

const pkg = new URL("../pkg/", import.meta.url);
const path = (name) => new URL(name, pkg).pathname;

async function minify(entry, external, out = entry, plugins = []) {
  const result = await build({
    input: path(entry),
    external,
    plugins,
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

// The package's module, maillint.js: src/wasm/entry.js over wasm-bindgen's glue (exports,
// init, the widget's class) with its one snippet, the trap guard (src/wasm/guard.js), and
// English's catalogue (locales/en.js, which the entry hands the module as it starts), in one
// file: a page using the API fetches it, then the .wasm, as before the catalogues left the
// .wasm (with the glue and English as modules of their own, one round trip more). The
// element entry imports the glue alone, maillint-core.js, and loads only the languages its
// widgets show: a page using both runs two instances of the module. Each built twice:
// maillint.js and maillint-core.js, whose init() with no argument fetches maillint_bg.wasm
// beside them, and maillint-inline.js and maillint-core-inline.js, whose init() takes the
// .wasm carried in wasm-inline.js (see there why). The second pair has no
// `new URL(…, import.meta.url)` left, so no bundler copies a file nothing loads.
renameSync(path("maillint.js"), path("glue.js"));
// The .wasm's imports from the glue under short names, in both files (see short-imports.mjs).
const short = shortImports(readFileSync(path("maillint_bg.wasm")), readFileSync(path("glue.js"), "utf8"));
writeFileSync(path("maillint_bg.wasm"), short.wasm);
writeFileSync(path("glue.js"), short.glue);
copyFileSync(new URL("../src/wasm/entry.js", import.meta.url), path("entry.js"));
// The catalogues' modules (src/wasm/locales.js imports them by their paths as wasm-bindgen
// places that file) stay modules of their own, imported from ./locales/ beside maillint.js;
// entry.js's English (./locales/en.js) is bundled in.
const catalogues = {
  name: "catalogue-modules",
  resolveId(id) {
    const name = /^(?:\.\.\/)+locales\/(\w+\.js)$/.exec(id)?.[1];
    return name ? { id: `./locales/${name}`, external: true } : null;
  },
};
await minify("entry.js", [], "maillint.js", [catalogues]);
await minify("glue.js", [], "maillint-core.js", [catalogues]);
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
await minify("entry.js", ["./wasm-inline.js"], "maillint-inline.js", [carried, catalogues]);
await minify("glue.js", ["./wasm-inline.js"], "maillint-core-inline.js", [carried, catalogues]);
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

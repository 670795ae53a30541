// scripts/short-imports.mjs, which renames the functions the .wasm imports from its glue in
// both files, on small modules made here: the built package's own are tested by every other
// test that loads it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { shortImports } from "../../scripts/short-imports.mjs";

/** An unsigned LEB128 number, as the format writes sizes and counts. */
function leb(n) {
  const out = [];
  do {
    out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>>= 7;
  } while (n > 0);
  return out;
}
const text = (s) => [...leb(s.length), ...Buffer.from(s)];

/** A module with one function type, these imports and a custom section after them. */
function module(imports) {
  const entries = imports.flatMap(([from, name, description]) => [...text(from), ...text(name), ...description]);
  const importSection = [imports.length, ...entries];
  const custom = [...text("note"), 1, 2, 3];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // a type: () -> ()
    0x02, ...leb(importSection.length), ...importSection,
    0x00, ...leb(custom.length), ...custom,
  ]);
}

const glueName = "./maillint_bg.js";
const func = [0x00, 0x00]; // a function of type 0
const table = [0x01, 0x6f, 0x00, 0x01]; // a table of externref, at least 1
const names = ["__wbg_set_e4b9a833d288759a", "__wbindgen_init_externref_table", "__wbg_now_463ac581d2fc7ea3"];

test("the glue's imports get short names in the .wasm and in the glue, others are kept", () => {
  const wasm = module([
    [glueName, names[0], func],
    ["./snippets/guard.js", "guarded", func],
    [glueName, names[1], table],
    [glueName, names[2], func],
  ]);
  const glue = `const imports = { "${glueName}": { ${names.map((n) => `${n}: function() {}`).join(", ")} } };`;
  const short = shortImports(wasm, glue);
  const renamed = WebAssembly.Module.imports(new WebAssembly.Module(short.wasm));
  assert.deepEqual(
    renamed.map((i) => [i.module, i.name, i.kind]),
    [[glueName, "_0", "function"], ["./snippets/guard.js", "guarded", "function"], [glueName, "_1", "table"], [glueName, "_2", "function"]],
  );
  assert.equal(short.glue, `const imports = { "${glueName}": { _0: function() {}, _1: function() {}, _2: function() {} } };`);
  assert.equal(short.count, 3);
  // The custom section after the imports came through whole.
  const [custom] = WebAssembly.Module.customSections(new WebAssembly.Module(short.wasm), "note");
  assert.deepEqual([...new Uint8Array(custom)], [1, 2, 3]);
});

test("a name the glue does not have, or has twice, stops the build", () => {
  const wasm = module([[glueName, names[0], func]]);
  assert.throws(() => shortImports(wasm, "const imports = {};"), /is in the glue 0 times, not once/);
  assert.throws(() => shortImports(wasm, `${names[0]}: function() {}, ${names[0]}: 1`), /is in the glue 2 times, not once/);
  // A longer name that starts with it is another name.
  assert.throws(() => shortImports(wasm, `${names[0]}x: function() {}`), /0 times/);
});

test("an import of a kind the rewriter does not read stops the build", () => {
  const wasm = module([[glueName, names[0], [0x07, 0x00]]]);
  assert.throws(() => shortImports(wasm, `${names[0]}: 1`), /an import of kind 7/);
});

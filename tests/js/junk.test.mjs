// Every export, with every kind of JavaScript value in every argument, from node: an Error
// (a TypeError for a wrong type) each time, never a trap, and the module keeps working.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { callEveryExport } from "./junk.mjs";

const root = new URL("../../", import.meta.url);
const m = await import(new URL("pkg/maillint.js", root));
m.initSync({ module: readFileSync(fileURLToPath(new URL("pkg/maillint_bg.wasm", root))) });

test("no export traps on any JavaScript value, in node", () => {
  assert.deepEqual(callEveryExport(m, null), []);
});

// The package's module, `maillint`: wasm-bindgen's glue (glue.js once built; maillint-core.js
// in the package, which the element entry imports too, so a page using both runs one module)
// with each export answering a clear Error, not a TypeError from inside the glue, when it is
// called before the module is started (`await init()`, or `initSync`). The module carries no
// texts: this entry imports English's catalogue beside the glue and hands it over as the
// module starts, so `check` answers in English at once; each other language loads when first
// needed (loadLocale(), or a widget loading the language it shows).
import start, { initSync as startSync, addCatalogue, check as glueCheck, parseSettings as glueParse, rules as glueRules, lintProfile as glueLint, loadLocale as glueLoadLocale, mount as glueMount, Widget } from "./glue.js";
import * as english from "./locales/en.js";

let started = false;

export default async function init(...args) {
  const exports = await start(...args);
  addCatalogue("en", english);
  started = true;
  return exports;
}

export function initSync(...args) {
  const exports = startSync(...args);
  addCatalogue("en", english);
  started = true;
  return exports;
}

/** `f`, refusing to run before the module is started. */
function whenStarted(name, f) {
  return (...args) => {
    if (!started) throw new Error(`maillint: call init() first: ${name}() needs the module started (await init(), the package's default export)`);
    return f(...args);
  };
}

export const check = whenStarted("check", glueCheck);
export const parseSettings = whenStarted("parseSettings", glueParse);
export const rules = whenStarted("rules", glueRules);
export const lintProfile = whenStarted("lintProfile", glueLint);
export const loadLocale = whenStarted("loadLocale", glueLoadLocale);
export const mount = whenStarted("mount", glueMount);
export { Widget };

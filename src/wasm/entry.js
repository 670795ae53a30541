// The package's module, `maillint`: wasm-bindgen's glue (glue.js once built) with each export
// answering a clear Error, not a TypeError from inside the glue, when it is called before
// the module is started (`await init()`, or `initSync`). The module carries no texts: this
// entry brings English's catalogue (bundled into maillint.js with the glue, so a page using
// the API fetches one file, then the .wasm) and hands it over as the module starts, so
// `check` answers in English at once; each other language loads when first needed
// (loadLocale(), or a widget loading the language it shows). The element entry imports the
// glue alone (maillint-core.js) and loads only the languages its widgets show.
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

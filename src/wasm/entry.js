// The package's module, `maillint`: wasm-bindgen's glue (glue.js once built) with each export
// answering a clear Error, not a TypeError from inside the glue, when it is called before
// the module is started (`await init()`, or `initSync`).
import start, { initSync as startSync, check as glueCheck, parseSettings as glueParse, rules as glueRules, lintProfile as glueLint, loadLocale as glueLoadLocale, mount as glueMount, Widget } from "./glue.js";

let started = false;

// Starts the module, with English: each other language loads when first needed
// (loadLocale(), or a widget loading the language it shows).
export default async function init(...args) {
  const exports = await start(...args);
  started = true;
  return exports;
}

export function initSync(...args) {
  const exports = startSync(...args);
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

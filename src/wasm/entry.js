// The package's module, `maillint`: wasm-bindgen's glue (glue.js once built) with each export
// answering a clear Error, not a TypeError from inside the glue, when it is called before
// the module is started (`await init()`, or `initSync`).
import start, { initSync as startSync, check as glueCheck, parseSettings as glueParse, rules as glueRules, lintProfile as glueLint, mount as glueMount, Widget } from "./glue.js";

let started = false;

function before(name) {
  return new Error(`maillint: call init() first: ${name}() needs the module started (await init(), the package's default export)`);
}

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

export function check(settings, options) {
  if (!started) throw before("check");
  return glueCheck(settings, options);
}

export function parseSettings(text) {
  if (!started) throw before("parseSettings");
  return glueParse(text);
}

export function rules() {
  if (!started) throw before("rules");
  return glueRules();
}

export function lintProfile(profile, options) {
  if (!started) throw before("lintProfile");
  return glueLint(profile, options);
}

export function mount(element, options) {
  if (!started) throw before("mount");
  return glueMount(element, options);
}

export { Widget };

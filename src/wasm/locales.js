// Each catalogue, English's too, is a module of its own beside the glue (pkg/locales/, written
// from the compiled catalogues by scripts/build-wasm.sh), imported the first time a page
// needs it. Each import names its file, so every bundler sees it and gives it a chunk; the
// paths are as seen from where wasm-bindgen puts this file (pkg/snippets/<crate>/src/wasm/),
// and scripts/minify.mjs points them at ./locales/ beside maillint.js and maillint-core.js.
// A test loads every locale through here (tests/js/api.test.mjs), so a name missing below
// fails the test command.

/** The promise of the module of the catalogue named `name` (`zh_hant`). */
export function importCatalogue(name) {
  switch (name) {
    case "en":
      return import("../../../../locales/en.js");
    case "zh_hant":
      return import("../../../../locales/zh_hant.js");
    case "zh_hans":
      return import("../../../../locales/zh_hans.js");
    case "ms":
      return import("../../../../locales/ms.js");
    default:
      return Promise.reject(new Error(`maillint: no catalogue module ${name}`));
  }
}

// Where element-inline.js gets the module from: the .wasm carried in JavaScript
// (wasm-inline.js), for bundlers that copy no file `new URL(…, import.meta.url)` names.
// Imported when needed, so a bundler that splits code gives it a chunk of its own, fetched
// beside the glue and cached apart from the page's code.
export const wasmSource = () => import("./wasm-inline.js").then((m) => m.inlineWasm());

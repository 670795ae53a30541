// Where the element entry (element.js) gets the module from: maillint_bg.wasm beside it,
// fetched at once. Served as a file of its own it compiles while it downloads. Bundlers
// that emit what `new URL(…, import.meta.url)` names (webpack, Vite, Next.js, Parcel) copy it.
export const wasmSource = () => fetch(new URL("./maillint_bg.wasm", import.meta.url));

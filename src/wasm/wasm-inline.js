// maillint_bg.wasm carried in JavaScript, for bundlers: esbuild and Rollup copy no file that
// `new URL(…, import.meta.url)` names, and no export condition tells them apart from Vite or
// Next.js (Rollup's node-resolve sets `production` or `development` as they do). So
// package.json's exports lead every tool but webpack (which copies the file, and says so by
// its own condition) and Node to maillint-inline.js and element-inline.js, which load the
// module from here. A page that serves the package's files itself (the one-tag page) loads
// maillint_bg.wasm as a file.
//
// The bytes are deflated (zlib level 9) and written in base64: gzip then leaves them at
// about the .wasm's own gzip size (145,250 against 144,661 bytes measured at issue 25), where
// plain base64 would be 186,827 bytes. The browser inflates them (DecompressionStream).
// `wasm-data.js` is written by scripts/minify.mjs.
import data from "./wasm-data.js";

/** The module as a `Response` that wasm-bindgen's `init` compiles as it reads. */
export function inlineWasm() {
  if (typeof DecompressionStream !== "function") {
    throw new Error("maillint: this browser cannot inflate the module carried in JavaScript (no DecompressionStream): serve maillint_bg.wasm and pass its URL to init()");
  }
  const inflate = new DecompressionStream("deflate-raw");
  const writer = inflate.writable.getWriter();
  // A failure reaches init() through the readable side; these promises would only repeat it.
  writer.write(bytes(data)).catch(() => {});
  writer.close().catch(() => {});
  return new Response(inflate.readable, { headers: { "content-type": "application/wasm" } });
}

/** Base64 read by the browser where it can (measured 0.3 ms against 7 ms for the loop). */
function bytes(base64) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(base64);
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

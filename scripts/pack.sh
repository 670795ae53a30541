#!/usr/bin/env bash
# Builds the npm package `maillint` and packs it: prints the tarball's path as its last line.
# The package is pkg/ (the release build: wasm, its JS glue and typings, the element entry,
# the stylesheet) with a package.json and README of its own; no runtime dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build-wasm.sh >&2
out=target/package
rm -rf "$out"
mkdir -p "$out"
cp pkg/maillint.js pkg/maillint.d.ts pkg/maillint_bg.wasm pkg/maillint_bg.wasm.d.ts \
  pkg/element.js pkg/element.d.ts pkg/react.d.ts pkg/vue.d.ts pkg/maillint.css \
  pkg/maillint-inline.js pkg/element-inline.js pkg/wasm-inline.js "$out/"
cp packaging/README.md "$out/README.md"
cp LICENSE-MIT LICENSE-APACHE "$out/"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"
license="$(sed -n 's/^license = "\(.*\)"/\1/p' Cargo.toml | head -1)"
node - "$out/package.json" "$version" "$license" <<'NODE'
const [file, version, license] = process.argv.slice(2);
const fileFirst = (path) => ({ webpack: path, node: path });
const manifest = {
  name: "maillint",
  version,
  description: "Checks mail settings (server names, ports, security, user names) as customers type them, in their language",
  license,
  type: "module",
  keywords: ["email", "imap", "smtp", "pop3", "settings", "checker", "webassembly", "web-component"],
  main: "./maillint.js",
  types: "./maillint.d.ts",
  // Which file a tool gets: webpack copies what `new URL(…, import.meta.url)` names and says
  // so by its own condition, and Node reads files itself: they load maillint_bg.wasm as a
  // file. Every other tool gets the entries that carry the .wasm in JavaScript
  // (wasm-inline.js), which work with nothing copied: esbuild and Rollup copy no such file,
  // Vite's development server neither for a package's, and no condition names the others.
  exports: {
    ".": { types: "./maillint.d.ts", ...fileFirst("./maillint.js"), default: "./maillint-inline.js" },
    "./element": { types: "./element.d.ts", ...fileFirst("./element.js"), default: "./element-inline.js" },
    // Types only: the <mail-settings-check> entry of React 19's JSX namespace.
    "./react": { types: "./react.d.ts" },
    // Types only: the element in Vue's GlobalComponents (single-file components' templates).
    "./vue": { types: "./vue.d.ts" },
    "./maillint.css": "./maillint.css",
    "./maillint_bg.wasm": "./maillint_bg.wasm",
    "./package.json": "./package.json",
  },
  files: ["maillint.js", "maillint.d.ts", "maillint_bg.wasm", "maillint_bg.wasm.d.ts", "element.js", "element.d.ts", "react.d.ts", "vue.d.ts", "maillint.css",
    "maillint-inline.js", "element-inline.js", "wasm-inline.js", "README.md", "LICENSE-MIT", "LICENSE-APACHE"],
  // Importing the element entry registers <mail-settings-check>; the stylesheet is a side
  // effect for bundlers that import CSS.
  sideEffects: ["./element.js", "./element-inline.js", "./maillint.css"],
};
require("node:fs").writeFileSync(file, JSON.stringify(manifest, null, 2) + "\n");
NODE
(cd "$out" && npm pack --silent --pack-destination "$(pwd)/.." >&2)
realpath "target/maillint-$version.tgz"

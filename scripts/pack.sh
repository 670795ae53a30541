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
node scripts/manifest.mjs Cargo.toml "$out/package.json"
version="$(node -p 'require(process.argv[1]).version' "$PWD/$out/package.json")"
(cd "$out" && npm pack --silent --pack-destination "$(pwd)/.." >&2)
realpath "target/maillint-$version.tgz"

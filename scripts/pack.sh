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
node scripts/manifest.mjs Cargo.toml "$out/package.json"
# What the package holds is the manifest's `files`, one list: each from pkg/, but the
# package's own README and the licences.
for file in $(node -p 'require(process.argv[1]).files.join(" ")' "$PWD/$out/package.json"); do
  case "$file" in
    README.md) cp packaging/README.md "$out/" ;;
    LICENSE-*) cp "$file" "$out/" ;;
    *) mkdir -p "$out/$(dirname "$file")" && cp "pkg/$file" "$out/$file" ;;
  esac
done
version="$(node -p 'require(process.argv[1]).version' "$PWD/$out/package.json")"
(cd "$out" && npm pack --silent --pack-destination "$(pwd)/.." >&2)
realpath "target/maillint-$version.tgz"

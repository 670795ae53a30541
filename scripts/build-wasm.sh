#!/usr/bin/env bash
# Builds pkg/ (wasm-pack, --target web) and shrinks the wasm with binaryen's wasm-opt from npm:
# Debian's binaryen is too old for today's Rust wasm, and wasm-pack's own download of it cannot
# run on machines that reach only the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:---release}"
# wasm-pack leaves JS snippets of earlier builds in pkg/snippets: start from a clean one.
rm -rf pkg/snippets
. scripts/wasm-flags.sh
env ${WASM_TOOLCHAIN:+RUSTUP_TOOLCHAIN="$WASM_TOOLCHAIN"} \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$WASM_RUSTFLAGS" \
  wasm-pack build "$profile" --target web --out-dir pkg --no-pack -- --no-default-features \
  "${WASM_CARGO_ARGS[@]}"
wasm=pkg/maillint_bg.wasm
if [ "$profile" = "--release" ]; then
  # --converge repeats -Oz until it stops paying (745 bytes gzip; see docs/bench.md).
  # --low-memory-unused lets wasm-opt fold a pointer's added constant into the load's or
  # store's offset (634 bytes gzip on 69b4400: 135,332 → 134,698). The two differ only when
  # the addition wraps past 4 GiB to the first KiB, which no Rust pointer does.
  # --reorder-functions-by-name, before the names are stripped, puts functions of one module
  # and the copies of one generic function side by side, where gzip finds their likeness:
  # 508 bytes gzip -9 (134,698 → 134,190; 926 by node's zlib), `check` no slower side by side.
  node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused --reorder-functions-by-name \
    --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
fi
# Each catalogue, English's too, as a module of its own (the wasm carries no texts and imports
# each when a page needs it; src/messages/file.rs), from the compiled catalogues.
rm -rf pkg/locales
cargo run --quiet --example catalogue_modules -- pkg/locales
# The rest of the package beside the wasm-bindgen output: the element entry (registers
# <mail-settings-check> and starts the module), its types, and the stylesheet.
cp src/wasm/element.js src/wasm/element.d.ts src/wasm/react.d.ts src/wasm/vue.d.ts pkg/
# The module's source for the element, and the entries for bundlers that copy no file
# (the .wasm carried in JavaScript).
cp src/wasm/wasm-source.js src/wasm/wasm-source-inline.js src/wasm/wasm-inline.js pkg/
cp www/maillint.css pkg/
# One minified module for the glue and its snippets; the element entry and CSS minified.
node scripts/minify.mjs
printf 'pkg/maillint_bg.wasm: %s bytes, %s gzip -9\n' "$(wc -c < "$wasm")" "$(gzip -9c "$wasm" | wc -c)"
# The generated typings use `Symbol.dispose`, which needs TypeScript's esnext.disposable lib;
# a page's `tsconfig` should not need it for maillint.
sed -i '/\[Symbol\.dispose\]/d' pkg/maillint.d.ts
# Pre-compressed copies for servers that serve them (maillint-server does, at /maillint/).
node scripts/precompress.mjs pkg/maillint_bg.wasm pkg/maillint.js pkg/maillint-core.js \
  pkg/element.js pkg/maillint.css pkg/locales/*.js

#!/usr/bin/env bash
# Runs every test of maillint: formatting and lints, the engine's tests (fixtures, snapshots,
# property tests), the release wasm build, the JS API in headless Chromium, and the JS-side
# checks of the built package. Installs what is missing first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy (native and wasm32, warnings denied)"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings

echo "== engine tests (cargo test)"
cargo test --all-targets

echo "== release build of pkg/"
./scripts/build-wasm.sh

echo "== JS API in headless Chromium (wasm-pack test)"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
  wasm-pack test --headless --chrome -- --test wasm

echo "== built package from JavaScript (node --test)"
node --test tests/js/

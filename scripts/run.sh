#!/usr/bin/env bash
# Builds the checker and starts maillint-server: the sample support page, the wasm package
# and the reachability probe, on localhost. Usage: scripts/run.sh [PORT]   (default 8080)
# Further settings come from the environment (MAILLINT_*, see maillint-server --help).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-8080}"
./scripts/setup.sh
./scripts/build-wasm.sh
npx --no-install vite build --config www/vite-example/vite.config.js
cargo build --release -p maillint-server
exec ./target/release/maillint-server --listen "127.0.0.1:${port}" --www .

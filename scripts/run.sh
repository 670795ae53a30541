#!/usr/bin/env bash
# Builds the checker and serves the sample support page on localhost.
# Usage: scripts/run.sh [PORT]   (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-8080}"
./scripts/setup.sh
./scripts/build-wasm.sh
npx --no-install vite build --config www/vite-example/vite.config.js
echo
echo "maillint: open http://127.0.0.1:${port}/www/  (Ctrl-C stops the server)"
exec python3 -m http.server "$port" --bind 127.0.0.1

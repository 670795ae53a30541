#!/usr/bin/env bash
# Installs what building and testing maillint needs, skipping whatever is already there:
# the wasm32 target, the browser build's pinned nightly, wasm-pack, wasm-bindgen-cli at
# exactly Cargo.lock's wasm-bindgen version (so wasm-pack never tries to download one),
# Debian's Chromium and ChromeDriver for the browser tests, Debian's Dovecot and Postfix for
# the probe's tests, and the npm dev dependencies (binaryen's wasm-opt, playwright-core,
# axe-core, vite).
set -euo pipefail
cd "$(dirname "$0")/.."

have() { command -v "$1" >/dev/null 2>&1; }
step() { printf '[setup] %s\n' "$*"; }
apt_install() {
  local sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq "$@" >/dev/null
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The browser build's pinned nightly with the standard library's source (scripts/wasm-flags.sh
# says why); without it the package is built with stable, larger. A machine that cannot fetch
# it says so here and goes on.
read -r nightly in_use < <(. scripts/wasm-flags.sh 2>/dev/null; echo "$WASM_NIGHTLY ${WASM_TOOLCHAIN:--}")
if [ "$in_use" = "-" ]; then
  step "installing $nightly with rust-src and the wasm32 target (about 15 seconds)"
  rustup toolchain install "$nightly" --profile minimal --component rust-src \
    --target wasm32-unknown-unknown ||
    echo "[setup] could not install $nightly: the browser build will use stable" >&2
fi

if ! have wasm-pack; then
  step "building wasm-pack from crates.io (about 2.5 minutes)"
  cargo install wasm-pack --locked || cargo install wasm-pack
fi

want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
got=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ -z "$want" ]; then
  echo "[setup] Cargo.lock names no wasm-bindgen version" >&2
  exit 1
fi
if [ "$got" != "$want" ]; then
  step "building wasm-bindgen-cli $want to match Cargo.lock (about 2.5 minutes)"
  # --locked first, for the tested dependency set; the registry mirror this runs against
  # may lack a version the lock file names (a yanked or unmirrored crate), and then cargo
  # resolves the newest ones it has.
  cargo install wasm-bindgen-cli --version "$want" --locked --force ||
    cargo install wasm-bindgen-cli --version "$want" --force
fi

if ! have chromium || ! have chromedriver; then
  step "installing Debian's chromium and chromium-driver"
  apt_install chromium chromium-driver
fi

if ! have dovecot || ! have postfix; then
  step "installing Debian's dovecot-imapd, dovecot-pop3d and postfix for the probe's tests"
  apt_install dovecot-imapd dovecot-pop3d postfix
fi

if ! have redis-server; then
  step "installing Debian's redis-server: the shared limits' tests run their own on loopback"
  apt_install redis-server
fi

if ! have dnsmasq && [ ! -x /usr/sbin/dnsmasq ]; then
  step "installing Debian's dnsmasq-base: the local DNS server of the discovery tests"
  apt_install dnsmasq-base
fi

if [ ! -d /usr/share/fonts/opentype/noto ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  step "installing Debian's fonts-noto-cjk, so screenshots of Chinese messages are readable"
  apt_install fonts-noto-cjk
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm dev dependencies"
  npm ci --no-audit --no-fund
fi
step "ready"

# The compiler flags of the browser build, read by scripts/build-wasm.sh and by the bench's
# build with symbol names (scripts/bench.sh), so both compile the same code. Not exported:
# the bench's build of an earlier revision keeps that revision's own flags.
#
# At opt-level "z" LLVM inlines a call only when the callee costs at most 5, so even a
# character iterator's `next` stays a call. A threshold of 40 inlines the small helpers on
# `check`'s path. Measured on the same code (docs/bench.md): `maillint_bg.wasm` 134,600 →
# 138,075 bytes gzip; `check` side by side in Chromium, steady median 30.2 → 26.5 µs. A
# threshold of 35 gave 138,526 bytes and was no faster; 50 about 6.5 KB more.
WASM_RUSTFLAGS="-C llvm-args=-inline-threshold=40"
WASM_CARGO_ARGS=()
# Set for the wasm build only (as RUSTUP_TOOLCHAIN); the native tools keep stable.
WASM_TOOLCHAIN=""

# The standard library rebuilt with the package, from a pinned nightly (the only channel
# where `-Zbuild-std` and the `immediate-abort` panic strategy exist). A panic then stops
# at once, as `panic = "abort"` did (on wasm32-unknown-unknown its message went nowhere
# anyway), without the code that formats the message (`core::fmt` for panics, the
# `Location`s, the texts). Every dependency, the standard library's crates among them, is
# compiled at opt-level 3 as the prebuilt standard library is; maillint's own code keeps "z".
# Measured through this script on aad0e88 (`maillint_bg.wasm` gzip -9; `check` side by side
# in Chromium, 20 pairs of passes, in both orders where two figures stand; docs/bench.md):
#   stable 1.95                                          134,186
#   nightly, std rebuilt at "z"                          123,584  +1.8 / +2.0 µs against stable
#   the same with std's `optimize_for_size`              122,793  +1.0 µs against stable
#   core, alloc and std at 3, `optimize_for_size`        123,620  +0.3 / +0.5 µs against stable
#   core, alloc and std at opt-level 3                   124,461  -0.2 / -0.2 µs against stable
#   and serde-wasm-bindgen, wasm-bindgen, dlmalloc at 3  124,327  -1.0 / -0.5 µs against the row above
#   every dependency at 3 (this build)                   125,306  -0.8 / 0.0 µs against the row above
# setup.sh installs the toolchain (about 11 s); a machine without it builds with stable,
# about 8.9 KB larger, and says so.
WASM_NIGHTLY=nightly-2026-05-20
wasm_sysroot=$(rustup run "$WASM_NIGHTLY" rustc --print sysroot 2>/dev/null || true)
if [ -n "$wasm_sysroot" ] && [ -d "$wasm_sysroot/lib/rustlib/src/rust/library" ] &&
  [ -d "$wasm_sysroot/lib/rustlib/wasm32-unknown-unknown" ]; then
  WASM_TOOLCHAIN="$WASM_NIGHTLY"
  WASM_RUSTFLAGS="$WASM_RUSTFLAGS -Zunstable-options -Cpanic=immediate-abort"
  WASM_CARGO_ARGS=(-Zbuild-std=std,panic_abort --config 'profile.release.package."*".opt-level=3')
else
  echo "[build] $WASM_NIGHTLY with rust-src and the wasm32 target is not installed" \
    "(scripts/setup.sh installs it):" \
    "building with stable, about 8.9 KB gzip larger" >&2
fi

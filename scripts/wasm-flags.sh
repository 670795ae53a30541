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

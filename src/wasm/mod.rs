//! The binding layer, compiled for wasm32 only: `api` (the exports), `boundary` (the typed
//! values that cross, converted by serde-wasm-bindgen, with the TypeScript declarations
//! tsify generates from them), `browser` (what the engine takes from the browser),
//! `catalogues` (each locale's texts, English's too, loaded when first needed), `promise` (the
//! one kind of function handed to the browser) and `widget` (the form, drawn through
//! web-sys; `mount()` and the `Widget` handle).

pub mod api;
pub mod boundary;
mod browser;
mod catalogues;
mod promise;
pub mod widget;

/// The allocator: talc's for WebAssembly, which grows the module's memory as it needs.
/// Measured against Rust's default (dlmalloc) in `scripts/build-wasm.sh`'s build: 125,306 →
/// 124,346 bytes gzip, and `check` side by side in one Chromium page no slower (20 pairs of
/// passes in each order: median −0.0 / −0.5 µs, p99 0.0 / −1.0 µs).
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

//! The binding layer, compiled for wasm32 only: `api` (the exports), `boundary` (the typed
//! values that cross, converted by serde-wasm-bindgen, with the TypeScript declarations
//! tsify generates from them), `browser` (what the engine takes from the browser),
//! `catalogues` (each locale's texts but English, loaded when first needed), `promise` (the
//! one kind of function handed to the browser) and `widget` (the form, drawn through
//! web-sys; `mount()` and the `Widget` handle).

pub mod api;
pub mod boundary;
mod browser;
mod catalogues;
mod promise;
pub mod widget;

//! The binding layer, compiled for wasm32 only: `api` (the exports), `wire` (the one module
//! that converts between JS values and engine types; wire types are camelCase, typed in
//! `types.d.ts`, appended to the generated `.d.ts`), `browser` (what the engine takes from
//! the browser) and `widget` (the form's state and decisions, which use the engine and
//! `wire` like any other caller; `widget.js` draws the form and holds one).

pub mod api;
mod browser;
pub mod widget;
mod wire;

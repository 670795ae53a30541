//! The JavaScript API: the only place that touches `JsValue`. Wire types are camelCase,
//! typed in `types.d.ts` (appended to the generated `.d.ts`), and converted from and to the
//! engine's types here. Every export returns a value or a `JsError`; the engine itself never
//! panics (clippy denies unwrap, expect, indexing and panic in it).

pub mod api;
mod read;
mod widget;
mod wire;

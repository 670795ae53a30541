//! maillint: checks mail client settings as a customer types them and explains each mistake.
//!
//! The engine is plain Rust with no web dependency, so the same code runs in the browser
//! (through the `wasm` binding module, compiled for wasm32 only), in `cargo test` and in the
//! reachability server. Entry points:
//! - [`check`]: settings and options in, a [`Report`] of localized findings out;
//! - [`parse_settings`]: a pasted block of settings (any of the four languages) into [`Settings`];
//! - [`rules`]: every rule's code, default severity, summary and whether it can fix.

pub mod address;
pub mod check;
pub mod codes;
pub mod context;
pub mod day;
pub mod finding;
pub mod lint;
pub mod messages;
pub mod order;
pub mod paste;
pub mod profile;
pub mod providers;
pub mod render;
pub mod rules;
pub mod settings;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use check::check;
pub use codes::Code;
pub use context::Options;
pub use finding::{
    Draft, Edit, Finding, Fix, LintFinding, LintReport, Place, Report, Severity, Spot,
};
pub use lint::lint_profile;
pub use messages::Locale;
pub use paste::parse_settings;
pub use profile::{Profile, ProfileError};
pub use rules::{rules, RuleInfo};
pub use settings::{Field, FieldValue, Protocol, Security, Settings};

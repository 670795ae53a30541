//! The provider database's tables, compiled by build.rs from `data/providers.toml` (the one
//! place provider facts are written, each with its sources) after checking every entry: valid
//! hosts, known ports, a source for each provider, no domain in two providers. Data only: the
//! types and lookups are in `providers/mod.rs`.

use std::borrow::Cow;

use super::{ep, host_only, AppPassword, Day, PasswordEnd, Provider, SignIn, UsernameRule};
use crate::settings::Protocol;
use crate::settings::Security::{None as Plain, Starttls, Tls};

include!(concat!(env!("OUT_DIR"), "/providers.rs"));

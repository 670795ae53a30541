//! The customer's address, cleaned and split: what rules, profiles and the provider lookup
//! read of it.

use crate::text;

/// The address, cleaned, when it has a local part and a domain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    pub full: String,
    pub local: String,
    /// Lower-cased.
    pub domain: String,
    /// The domain can stand in a server name: valid, and no placeholder itself.
    pub usable: bool,
}

impl Address {
    pub fn new(full: &str, local: &str, domain: &str) -> Address {
        let domain = domain.trim_end_matches('.').to_ascii_lowercase();
        let usable = domain.contains('.')
            && text::placeholder_start(&domain).is_none()
            && text::host::ascii_form(&domain).is_some();
        Address {
            full: full.to_string(),
            local: local.to_string(),
            domain,
            usable,
        }
    }
}

//! Known mail providers: their servers, ports, username form and password rules, and the
//! lookups by address domain and by server name. The data is in `table.rs`, each entry with
//! its sources. A host listed there identifies its provider even for a custom domain
//! (Google Workspace, Microsoft 365), so a customer of such a service is checked against it
//! too; providers that share servers (Outlook.com and Microsoft 365) form a family, and a
//! server name shared in a family stands for the whole family until the address says which
//! member it is.

use std::borrow::Cow;

use crate::messages::Arg;
use crate::settings::{Protocol, Security};

/// One server a client may use: host, port and security. A `None` port means the
/// provider's page names the host but not the port, so the port is not checked.
///
/// A provider profile may name a host it cannot spell until the address is known
/// (`mail.%EMAILDOMAIN%`); such a host is empty here and matches any host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    pub host: Cow<'static, str>,
    pub port: Option<u16>,
    pub security: Option<Security>,
}

/// What the provider wants as the login name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UsernameRule {
    /// The whole address, `name@domain`.
    FullAddress,
    /// Only the part before `@` (the account name).
    LocalPart,
    /// Either form is accepted.
    Either,
    /// The provider's own page asks for the whole address, while another published setting
    /// list gives the part before `@` (K-9 Mail's, for iCloud's SMTP and Yahoo): the whole
    /// address is likely, not certain, so a local part draws a warning, not an error.
    FullAddressDocumented,
}

/// Whether mail programs need a password other than the account's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppPassword {
    No,
    /// Always: an app-specific password or an authorization code.
    Always,
    /// When the account has two-step verification turned on.
    WithTwoStep,
    /// Always, and the provider calls it an authorization code (授权码: QQ Mail, NetEase).
    AuthorizationCode,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provider {
    pub id: Cow<'static, str>,
    pub name: Cow<'static, str>,
    /// Providers that share servers carry the same family.
    pub family: Option<&'static str>,
    /// Address domains that belong to this provider, separated by spaces (one text, not a
    /// list: 359 domains as `&str`s were 2.9 KB of pointers in the package). Read with
    /// [`Provider::domains`].
    pub domains: &'static str,
    /// Further domains it serves, in the same form: its own (never typos), but no typo is
    /// corrected to them, since a long tail of vanity names (Fastmail's hundred) would make
    /// their real neighbours look misspelt. [`Provider::domains`] gives both.
    pub more_domains: &'static str,
    /// Labels under which every public suffix is the provider's (`posteo`: `posteo.se`,
    /// `posteo.pt`, …), where the provider says its addresses take any ending.
    pub domain_labels: &'static [&'static str],
    pub imap: Cow<'static, [Endpoint]>,
    pub pop3: Cow<'static, [Endpoint]>,
    pub smtp: Cow<'static, [Endpoint]>,
    pub incoming_username: UsernameRule,
    pub outgoing_username: UsernameRule,
    pub app_password: AppPassword,
    /// Whether sending requires signing in (a few ISPs relay by network instead).
    pub smtp_auth: bool,
    /// Mail-exchanger host suffixes that put a domain's mail at this provider, with the name
    /// discovery shows for such a domain (`google.com`, "Google Workspace").
    #[cfg(not(target_arch = "wasm32"))]
    pub exchangers: &'static [(&'static str, &'static str)],
    /// Where the facts come from: the provider's pages, or its file in Thunderbird's ISPDB
    /// (not in the browser build, which never shows them).
    #[cfg(not(target_arch = "wasm32"))]
    pub sources: &'static [&'static str],
}

impl Provider {
    /// The name of the account a customer signs in to at this provider's website ("your
    /// Google account" for Gmail), which is where app passwords are made.
    pub fn account_name(&self) -> &str {
        let id = self.account_id();
        table::ACCOUNT_NAMES
            .iter()
            .find(|(k, _)| *k == id)
            .map_or(self.name.as_ref(), |(_, name)| name)
    }

    /// The id whose account this is: its own, or for a family standing in for its members
    /// (a shared server) the first member's, when every member signs in to the same account
    /// (Outlook.com and Microsoft 365: a Microsoft account).
    fn account_id(&self) -> &str {
        let Some(family) = self.family.filter(|f| *f == self.id) else {
            return &self.id;
        };
        let account = |id: &str| {
            table::ACCOUNT_NAMES
                .iter()
                .find(|(k, _)| *k == id)
                .map(|a| a.1)
        };
        let mut members = PROVIDERS.iter().filter(|p| p.family == Some(family));
        let Some(first) = members.next() else {
            return &self.id;
        };
        let shared = account(&first.id);
        if shared.is_some() && members.all(|p| account(&p.id) == shared) {
            &first.id
        } else {
            &self.id
        }
    }

    /// The provider's name for a message: as written, and as its customers know it in
    /// Chinese where the data file says so (QQ 邮箱, 网易 163 邮箱).
    pub fn name_arg(&self) -> Arg {
        let local = table::LOCAL_NAMES.iter().find(|(id, ..)| *id == self.id);
        Arg::Provider {
            name: self.name.to_string(),
            zh_hans: local.map(|l| l.1),
            zh_hant: local.map(|l| l.2),
        }
    }

    /// The account's name for a message ("Google", "网易"), localized like [`Self::name_arg`];
    /// a provider without an account of another name is its own account (QQ 邮箱).
    pub fn account_arg(&self) -> Arg {
        let own = self.account_id();
        let local = table::LOCAL_NAMES.iter().find(|(id, ..)| *id == own);
        let has_account = table::ACCOUNT_NAMES.iter().any(|(id, _)| *id == own);
        let pick = |name: &'static str, account: &'static str| match (has_account, account) {
            (false, _) => Some(name),
            (true, "") => None,
            (true, account) => Some(account),
        };
        Arg::Provider {
            name: self.account_name().to_string(),
            zh_hans: local.and_then(|l| pick(l.1, l.3)),
            zh_hant: local.and_then(|l| pick(l.2, l.4)),
        }
    }
}

pub(crate) const fn ep(host: &'static str, port: u16, security: Security) -> Endpoint {
    Endpoint {
        host: Cow::Borrowed(host),
        port: Some(port),
        security: Some(security),
    }
}

pub(crate) const fn host_only(host: &'static str) -> Endpoint {
    Endpoint {
        host: Cow::Borrowed(host),
        port: None,
        security: None,
    }
}

pub mod real_domains;
mod sign_in;
mod table;

pub use sign_in::{Day, End, PasswordEnd, PasswordStatus, SignIn, SignInView};

pub use table::{MISSPELLINGS, OTHER_MAIL_DOMAINS, PROVIDERS};

/// The domain meant by a known misspelling (`gmial.com` → `gmail.com`).
pub fn misspelling_of(domain: &str) -> Option<&'static str> {
    let at = MISSPELLINGS
        .binary_search_by(|(typed, _)| (*typed).cmp(domain))
        .ok()?;
    MISSPELLINGS.get(at).map(|(_, meant)| *meant)
}

impl Provider {
    pub fn endpoints(&self, protocol: Protocol) -> &[Endpoint] {
        match protocol {
            Protocol::Imap => &self.imap,
            Protocol::Pop3 => &self.pop3,
            Protocol::Smtp => &self.smtp,
        }
    }

    /// The server to offer in a fix: the first one whose name is known.
    pub fn preferred_host(&self, protocol: Protocol) -> Option<&str> {
        self.endpoints(protocol)
            .iter()
            .map(|e| e.host.as_ref())
            .find(|h| !h.is_empty())
    }

    /// Every server the provider names, IMAP, POP3 and SMTP.
    pub fn all_endpoints(&self) -> impl Iterator<Item = &Endpoint> {
        Protocol::ALL.into_iter().flat_map(|p| self.endpoints(p))
    }

    /// True when the provider's page names this protocol's servers at all. So-net names only
    /// POP3 and SMTP: that says nothing about IMAP, so only a provider that documents IMAP
    /// and says "no POP" (iCloud) gets `provider-no-pop`.
    pub fn offers(&self, protocol: Protocol) -> bool {
        !self.endpoints(protocol).is_empty()
    }

    /// Whether `host` is one of this protocol's servers (an unknown host matches any).
    pub fn has_host(&self, protocol: Protocol, host: &str) -> bool {
        self.endpoints(protocol)
            .iter()
            .any(|e| e.host.is_empty() || e.host.eq_ignore_ascii_case(host))
    }

    /// The provider's address domains, with its further domains.
    pub fn domains(&self) -> impl Iterator<Item = &'static str> {
        self.typo_targets()
            .chain(self.more_domains.split(' ').filter(|d| !d.is_empty()))
    }

    /// The address domains a misspelling may be corrected to.
    pub fn typo_targets(&self) -> impl Iterator<Item = &'static str> {
        self.domains.split(' ').filter(|d| !d.is_empty())
    }

    /// Whether `host` lies under one of the provider's own domains or under a domain of one
    /// of its documented servers (`imap.ya.ru` for Yandex, `mail.messagingengine.com` for
    /// Fastmail): the provider's name, not another's, though not the documented server.
    pub fn owns_host(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.');
        // Compared without a lower-cased copy: a check asks this for each server typed.
        let under = |domain: &str| {
            let Some(cut) = host.len().checked_sub(domain.len()) else {
                return false;
            };
            match (host.get(..cut), host.get(cut..)) {
                (Some(prefix), Some(tail)) => {
                    tail.eq_ignore_ascii_case(domain)
                        && (prefix.is_empty() || prefix.ends_with('.'))
                }
                _ => false,
            }
        };
        self.domains().any(under)
            || self
                .all_endpoints()
                .map(|e| crate::text::host::registrable(&e.host))
                .any(|d| !d.is_empty() && under(d))
    }

    /// The whole family a shared server stands for: every member's servers, under a name
    /// that says so ("Outlook.com / Microsoft 365"). A provider without a family is itself.
    pub fn with_family(&'static self) -> Cow<'static, Provider> {
        let Some(family) = self.family else {
            return Cow::Borrowed(self);
        };
        let members: Vec<&Provider> = PROVIDERS
            .iter()
            .filter(|p| p.family == Some(family))
            .collect();
        if members.len() < 2 {
            return Cow::Borrowed(self);
        }
        let merge = |protocol: Protocol| -> Vec<Endpoint> {
            let mut all: Vec<Endpoint> = Vec::new();
            for e in members.iter().flat_map(|p| p.endpoints(protocol)) {
                if !all.contains(e) {
                    all.push(e.clone());
                }
            }
            all
        };
        Cow::Owned(Provider {
            id: Cow::Borrowed(family),
            name: Cow::Owned(crate::text::join(
                members.iter().map(|p| p.name.as_ref()),
                " / ",
            )),
            family: Some(family),
            domains: "",
            more_domains: "",
            domain_labels: &[],
            imap: Cow::Owned(merge(Protocol::Imap)),
            pop3: Cow::Owned(merge(Protocol::Pop3)),
            smtp: Cow::Owned(merge(Protocol::Smtp)),
            incoming_username: self.incoming_username,
            outgoing_username: self.outgoing_username,
            app_password: self.app_password,
            smtp_auth: self.smtp_auth,
            #[cfg(not(target_arch = "wasm32"))]
            exchangers: self.exchangers,
            #[cfg(not(target_arch = "wasm32"))]
            sources: self.sources,
        })
    }
}

/// Lower-case names (address domains or server names) with the first provider that has
/// them, sorted: both are looked up at every keystroke.
type NameIndex = Vec<(String, usize)>;

fn name_index<'p, I: Iterator<Item = &'p str>>(names: impl Fn(&'p Provider) -> I) -> NameIndex {
    let mut all: NameIndex = PROVIDERS
        .iter()
        .enumerate()
        .flat_map(|(i, p)| names(p).map(move |n| (n.to_ascii_lowercase(), i)))
        .collect();
    // A stable sort keeps equal names in table order; dedup keeps the first of them, the
    // provider a search in table order would find.
    crate::order::sort_by(&mut all, |a, b| a.0.cmp(&b.0));
    all.dedup_by(|a, b| a.0 == b.0);
    all
}

fn look_up(index: &NameIndex, name: &str) -> Option<&'static Provider> {
    // Compared as lower case byte by byte, without a lower-case copy of the name: this runs
    // for the address and both servers at every keystroke.
    let key = name.bytes().map(|b| b.to_ascii_lowercase());
    let at = index
        .binary_search_by(|(n, _)| n.bytes().cmp(key.clone()))
        .ok()?;
    index.get(at).and_then(|(_, i)| PROVIDERS.get(*i))
}

/// The provider of an address domain.
///
/// A domain the table does not list still belongs to a provider whose domain label it carries
/// before a public ending (`posteo.se` for Posteo's `posteo`): the provider says so.
pub fn by_domain(domain: &str) -> Option<&'static Provider> {
    static DOMAINS: std::sync::OnceLock<NameIndex> = std::sync::OnceLock::new();
    look_up(DOMAINS.get_or_init(|| name_index(|p| p.domains())), domain).or_else(|| {
        let domain = domain.trim_end_matches('.');
        if crate::text::host::registrable(domain).len() != domain.len() {
            return None;
        }
        let (label, _) = domain.split_once('.')?;
        PROVIDERS.iter().find(|p| {
            p.domain_labels
                .iter()
                .any(|l| l.eq_ignore_ascii_case(label))
        })
    })
}

/// The provider whose mail exchangers a host is under (`aspmx.l.google.com`), with the name
/// discovery shows for a domain whose mail goes there ("Google Workspace").
#[cfg(not(target_arch = "wasm32"))]
pub fn by_exchanger(host: &str) -> Option<(&'static str, &'static Provider)> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    PROVIDERS.iter().find_map(|p| {
        p.exchangers.iter().find_map(|(suffix, name)| {
            let under = host == *suffix
                || host
                    .strip_suffix(suffix)
                    .is_some_and(|prefix| prefix.ends_with('.'));
            under.then_some((*name, p))
        })
    })
}

/// The provider a server name belongs to.
pub fn by_host(host: &str) -> Option<&'static Provider> {
    static HOSTS: std::sync::OnceLock<NameIndex> = std::sync::OnceLock::new();
    let index = HOSTS.get_or_init(|| {
        name_index(|p| {
            p.all_endpoints()
                .map(|e| e.host.as_ref())
                .filter(|h| !h.is_empty())
        })
    });
    look_up(index, host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_server_stands_for_its_family() {
        let family = by_host("outlook.office365.com").map(Provider::with_family);
        let family = family.as_deref();
        assert!(family.is_some_and(|f| f.has_host(Protocol::Smtp, "smtp-mail.outlook.com")));
        assert!(family.is_some_and(|f| f.has_host(Protocol::Smtp, "smtp.office365.com")));
        assert_eq!(
            family.map(|f| f.name.as_ref()),
            Some("Outlook.com / Microsoft 365")
        );
        // A provider without a family is itself.
        let gmail = by_domain("gmail.com").map(Provider::with_family);
        assert_eq!(gmail.as_deref().map(|g| g.id.as_ref()), Some("gmail"));
    }

    #[test]
    fn a_brand_in_another_country_is_another_provider() {
        assert_eq!(
            by_domain("yahoo.co.jp").map(|p| p.id.as_ref()),
            Some("yahoo-jp")
        );
        assert_eq!(
            by_domain("yahoo.com.my").map(|p| p.id.as_ref()),
            Some("yahoo")
        );
    }

    #[test]
    fn every_domain_finds_the_first_provider_that_has_it() {
        for p in PROVIDERS {
            for d in p.domains() {
                let first = PROVIDERS
                    .iter()
                    .find(|q| q.domains().any(|e| e.eq_ignore_ascii_case(d)));
                let found = by_domain(&d.to_ascii_uppercase());
                assert!(found.is_some(), "{d}");
                assert_eq!(found.map(|f| &f.id), first.map(|f| &f.id), "{d}");
            }
        }
        assert!(by_domain("lamtin.hk").is_none());
    }

    #[test]
    fn every_server_name_finds_the_first_provider_that_names_it() {
        for p in PROVIDERS {
            for e in p.all_endpoints() {
                let found = by_host(&e.host.to_ascii_uppercase());
                let first = PROVIDERS.iter().find(|q| {
                    Protocol::ALL
                        .into_iter()
                        .any(|proto| q.has_host(proto, &e.host))
                });
                assert_eq!(found.map(|f| &f.id), first.map(|f| &f.id), "{}", e.host);
                assert!(found.is_some(), "{}", e.host);
            }
        }
        assert!(by_host("mail.lamtin.hk").is_none());
        assert!(by_host("").is_none());
    }
}

//! Known mail providers: their servers, ports, username form and password rules.
//!
//! Every entry is a fact from the provider's own public help page, cited beside it. A host
//! listed here identifies its provider even for a custom domain (Google Workspace,
//! Microsoft 365), so a customer of such a service is checked against it too.

use std::borrow::Cow;

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
}

/// Whether mail programs need a password other than the account's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppPassword {
    No,
    /// Always: an app-specific password or an authorization code.
    Always,
    /// When the account has two-step verification turned on.
    WithTwoStep,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provider {
    pub id: Cow<'static, str>,
    pub name: Cow<'static, str>,
    /// Address domains that belong to this provider.
    pub domains: &'static [&'static str],
    pub imap: Cow<'static, [Endpoint]>,
    pub pop3: Cow<'static, [Endpoint]>,
    pub smtp: Cow<'static, [Endpoint]>,
    pub incoming_username: UsernameRule,
    pub outgoing_username: UsernameRule,
    pub app_password: AppPassword,
    /// Whether sending requires signing in (a few ISPs relay by network instead).
    pub smtp_auth: bool,
}

const fn ep(host: &'static str, port: u16, security: Security) -> Endpoint {
    Endpoint {
        host: Cow::Borrowed(host),
        port: Some(port),
        security: Some(security),
    }
}

const fn host_only(host: &'static str) -> Endpoint {
    Endpoint {
        host: Cow::Borrowed(host),
        port: None,
        security: None,
    }
}

use Security::{Starttls, Tls};

/// The table. Order matters only for hosts shared by two entries: the first one wins.
pub static PROVIDERS: &[Provider] = &[
    // https://support.google.com/mail/answer/7126229 (IMAP, SMTP)
    // https://support.google.com/mail/answer/7104828 (POP)
    // https://support.google.com/accounts/answer/185833 (app passwords with 2-Step Verification)
    Provider {
        id: Cow::Borrowed("gmail"),
        name: Cow::Borrowed("Gmail"),
        domains: &["gmail.com", "googlemail.com"],
        imap: Cow::Borrowed(&[ep("imap.gmail.com", 993, Tls)]),
        pop3: Cow::Borrowed(&[ep("pop.gmail.com", 995, Tls)]),
        smtp: Cow::Borrowed(&[
            ep("smtp.gmail.com", 465, Tls),
            ep("smtp.gmail.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::WithTwoStep,
        smtp_auth: true,
    },
    // Listed before Outlook.com: outlook.office365.com serves both, and a custom domain on
    // that host is a Microsoft 365 account.
    // https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/pop3-and-imap4/pop3-and-imap4
    // https://learn.microsoft.com/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365
    Provider {
        id: Cow::Borrowed("microsoft365"),
        name: Cow::Borrowed("Microsoft 365"),
        domains: &[],
        imap: Cow::Borrowed(&[ep("outlook.office365.com", 993, Tls)]),
        pop3: Cow::Borrowed(&[ep("outlook.office365.com", 995, Tls)]),
        smtp: Cow::Borrowed(&[ep("smtp.office365.com", 587, Starttls)]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
    },
    // https://support.microsoft.com/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040
    Provider {
        id: Cow::Borrowed("outlook"),
        name: Cow::Borrowed("Outlook.com"),
        domains: &[
            "outlook.com",
            "hotmail.com",
            "live.com",
            "msn.com",
            "passport.com",
            "hotmail.co.uk",
            "hotmail.fr",
            "hotmail.de",
            "hotmail.it",
            "hotmail.es",
            "live.co.uk",
            "live.fr",
            "outlook.fr",
            "outlook.de",
            "outlook.jp",
            "outlook.sg",
            "outlook.my",
            "live.hk",
            "hotmail.com.tw",
            "hotmail.com.hk",
            "hotmail.my",
            "hotmail.sg",
        ],
        imap: Cow::Borrowed(&[ep("outlook.office365.com", 993, Tls)]),
        pop3: Cow::Borrowed(&[ep("outlook.office365.com", 995, Tls)]),
        smtp: Cow::Borrowed(&[
            ep("smtp-mail.outlook.com", 587, Starttls),
            ep("smtp.office365.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
    },
    // https://support.apple.com/en-us/102525 (IMAP only; name part or full address for IMAP,
    // full address for SMTP; app-specific password required)
    Provider {
        id: Cow::Borrowed("icloud"),
        name: Cow::Borrowed("iCloud Mail"),
        domains: &["icloud.com", "me.com", "mac.com"],
        imap: Cow::Borrowed(&[ep("imap.mail.me.com", 993, Tls)]),
        pop3: Cow::Borrowed(&[]),
        smtp: Cow::Borrowed(&[ep("smtp.mail.me.com", 587, Starttls)]),
        incoming_username: UsernameRule::Either,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::Always,
        smtp_auth: true,
    },
    // https://help.yahoo.com/kb/SLN4075.html (servers), https://help.yahoo.com/kb/SLN15241.html
    // (app passwords for third-party mail apps)
    Provider {
        id: Cow::Borrowed("yahoo"),
        name: Cow::Borrowed("Yahoo Mail"),
        domains: &[
            "yahoo.com",
            "ymail.com",
            "rocketmail.com",
            "yahoo.co.uk",
            "yahoo.fr",
            "yahoo.de",
            "yahoo.it",
            "yahoo.es",
            "yahoo.ca",
            "yahoo.co.jp",
            "yahoo.com.hk",
            "yahoo.com.tw",
            "yahoo.com.sg",
            "yahoo.com.my",
            "yahoo.co.in",
            "yahoo.com.au",
        ],
        imap: Cow::Borrowed(&[ep("imap.mail.yahoo.com", 993, Tls)]),
        pop3: Cow::Borrowed(&[ep("pop.mail.yahoo.com", 995, Tls)]),
        smtp: Cow::Borrowed(&[
            ep("smtp.mail.yahoo.com", 465, Tls),
            ep("smtp.mail.yahoo.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::Always,
        smtp_auth: true,
    },
    // https://help.aol.com/articles/how-do-i-use-other-email-applications-to-send-and-receive-my-aol-mail
    Provider {
        id: Cow::Borrowed("aol"),
        name: Cow::Borrowed("AOL Mail"),
        domains: &["aol.com", "aim.com"],
        imap: Cow::Borrowed(&[ep("imap.aol.com", 993, Tls)]),
        pop3: Cow::Borrowed(&[ep("pop.aol.com", 995, Tls)]),
        smtp: Cow::Borrowed(&[
            ep("smtp.aol.com", 465, Tls),
            ep("smtp.aol.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::Either,
        outgoing_username: UsernameRule::Either,
        app_password: AppPassword::Always,
        smtp_auth: true,
    },
    // https://www.zoho.com/mail/help/imap-access.html, https://www.zoho.com/mail/help/pop-access.html
    Provider {
        id: Cow::Borrowed("zoho"),
        name: Cow::Borrowed("Zoho Mail"),
        domains: &["zoho.com", "zohomail.com"],
        imap: Cow::Borrowed(&[
            ep("imap.zoho.com", 993, Tls),
            ep("imappro.zoho.com", 993, Tls),
            ep("imap.zoho.eu", 993, Tls),
            ep("imap.zoho.com.cn", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.zoho.com", 995, Tls),
            ep("poppro.zoho.com", 995, Tls),
            ep("pop.zoho.eu", 995, Tls),
            ep("pop.zoho.com.cn", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.zoho.com", 465, Tls),
            ep("smtp.zoho.com", 587, Starttls),
            ep("smtppro.zoho.com", 465, Tls),
            ep("smtppro.zoho.com", 587, Starttls),
            ep("smtp.zoho.eu", 465, Tls),
            ep("smtp.zoho.com.cn", 465, Tls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::WithTwoStep,
        smtp_auth: true,
    },
    // https://support.gmx.com/pop-imap/imap/server.html (gmx.com),
    // https://hilfe.gmx.net/pop-imap/imap/imap-serverdaten.html (gmx.net / gmx.de)
    Provider {
        id: Cow::Borrowed("gmx"),
        name: Cow::Borrowed("GMX"),
        domains: &["gmx.com", "gmx.net", "gmx.de", "gmx.at", "gmx.ch", "gmx.us"],
        imap: Cow::Borrowed(&[ep("imap.gmx.com", 993, Tls), ep("imap.gmx.net", 993, Tls)]),
        pop3: Cow::Borrowed(&[ep("pop.gmx.com", 995, Tls), ep("pop.gmx.net", 995, Tls)]),
        smtp: Cow::Borrowed(&[
            ep("mail.gmx.com", 587, Starttls),
            ep("mail.gmx.com", 465, Tls),
            ep("mail.gmx.net", 587, Starttls),
            ep("mail.gmx.net", 465, Tls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
    },
    // https://www.fastmail.help/hc/en-us/articles/1500000278342-Server-names-and-ports
    // (app passwords are required for mail programs)
    Provider {
        id: Cow::Borrowed("fastmail"),
        name: Cow::Borrowed("Fastmail"),
        domains: &["fastmail.com", "fastmail.fm"],
        imap: Cow::Borrowed(&[ep("imap.fastmail.com", 993, Tls)]),
        pop3: Cow::Borrowed(&[ep("pop.fastmail.com", 995, Tls)]),
        smtp: Cow::Borrowed(&[
            ep("smtp.fastmail.com", 465, Tls),
            ep("smtp.fastmail.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::Always,
        smtp_auth: true,
    },
    // https://yandex.com/support/mail/mail-clients/others.html (login or full address; app
    // passwords for mail programs)
    Provider {
        id: Cow::Borrowed("yandex"),
        name: Cow::Borrowed("Yandex Mail"),
        domains: &["yandex.com", "yandex.ru", "ya.ru", "yandex.by", "yandex.kz"],
        imap: Cow::Borrowed(&[
            ep("imap.yandex.com", 993, Tls),
            ep("imap.yandex.ru", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.yandex.com", 995, Tls),
            ep("pop.yandex.ru", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.yandex.com", 465, Tls),
            ep("smtp.yandex.ru", 465, Tls),
        ]),
        incoming_username: UsernameRule::Either,
        outgoing_username: UsernameRule::Either,
        app_password: AppPassword::Always,
        smtp_auth: true,
    },
    // https://service.mail.qq.com/detail/0/428 (servers; 授权码 authorization code as password)
    Provider {
        id: Cow::Borrowed("qq"),
        name: Cow::Borrowed("QQ Mail"),
        domains: &["qq.com", "vip.qq.com", "foxmail.com"],
        imap: Cow::Borrowed(&[ep("imap.qq.com", 993, Tls)]),
        pop3: Cow::Borrowed(&[ep("pop.qq.com", 995, Tls)]),
        smtp: Cow::Borrowed(&[
            ep("smtp.qq.com", 465, Tls),
            ep("smtp.qq.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::Either,
        outgoing_username: UsernameRule::Either,
        app_password: AppPassword::Always,
        smtp_auth: true,
    },
    // https://help.mail.163.com/faqDetail.do?code=d7a5dc8471cd0c0e8b4b8f4f8e49998b374173cfe9171305fa1ce630d7f67ac2
    // (163 and 126 share the layout; 授权码 authorization code as password)
    Provider {
        id: Cow::Borrowed("netease163"),
        name: Cow::Borrowed("NetEase 163 Mail"),
        domains: &["163.com", "vip.163.com"],
        imap: Cow::Borrowed(&[ep("imap.163.com", 993, Tls)]),
        pop3: Cow::Borrowed(&[ep("pop.163.com", 995, Tls)]),
        smtp: Cow::Borrowed(&[ep("smtp.163.com", 465, Tls), ep("smtp.163.com", 994, Tls)]),
        incoming_username: UsernameRule::Either,
        outgoing_username: UsernameRule::Either,
        app_password: AppPassword::Always,
        smtp_auth: true,
    },
    Provider {
        id: Cow::Borrowed("netease126"),
        name: Cow::Borrowed("NetEase 126 Mail"),
        domains: &["126.com", "vip.126.com"],
        imap: Cow::Borrowed(&[ep("imap.126.com", 993, Tls)]),
        pop3: Cow::Borrowed(&[ep("pop.126.com", 995, Tls)]),
        smtp: Cow::Borrowed(&[ep("smtp.126.com", 465, Tls), ep("smtp.126.com", 994, Tls)]),
        incoming_username: UsernameRule::Either,
        outgoing_username: UsernameRule::Either,
        app_password: AppPassword::Always,
        smtp_auth: true,
    },
    // So-net Taiwan's mail help, chapter 4 "E-mail 疑難雜症解答": POP3 and SMTP server
    // so-net.net.tw, the account name (e.g. `momo`) as 帳號, "my server requires
    // authentication" left unticked. The page names no ports, so ports are not checked.
    Provider {
        id: Cow::Borrowed("sonet-tw"),
        name: Cow::Borrowed("So-net"),
        domains: &["so-net.net.tw"],
        imap: Cow::Borrowed(&[]),
        pop3: Cow::Borrowed(&[host_only("so-net.net.tw")]),
        smtp: Cow::Borrowed(&[host_only("so-net.net.tw")]),
        incoming_username: UsernameRule::LocalPart,
        outgoing_username: UsernameRule::LocalPart,
        app_password: AppPassword::No,
        smtp_auth: false,
    },
];

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
    all.sort_by(|a, b| a.0.cmp(&b.0));
    all.dedup_by(|a, b| a.0 == b.0);
    all
}

fn look_up(index: &NameIndex, name: &str) -> Option<&'static Provider> {
    let key = name.to_ascii_lowercase();
    let at = index.binary_search_by(|(n, _)| n.as_str().cmp(&key)).ok()?;
    index.get(at).and_then(|(_, i)| PROVIDERS.get(*i))
}

/// The provider of an address domain.
pub fn by_domain(domain: &str) -> Option<&'static Provider> {
    static DOMAINS: std::sync::OnceLock<NameIndex> = std::sync::OnceLock::new();
    look_up(
        DOMAINS.get_or_init(|| name_index(|p| p.domains.iter().copied())),
        domain,
    )
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

/// Well-known mail domains that are not in the provider table but are real, so that
/// `domain-typo` treats them as targets and never as typos.
pub static OTHER_MAIL_DOMAINS: &[&str] = &[
    "mail.com",
    "email.com",
    "usa.com",
    "inbox.com",
    "comcast.net",
    "verizon.net",
    "att.net",
    "sbcglobal.net",
    "bellsouth.net",
    "cox.net",
    "charter.net",
    "earthlink.net",
    "optonline.net",
    "btinternet.com",
    "sky.com",
    "virginmedia.com",
    "orange.fr",
    "wanadoo.fr",
    "free.fr",
    "laposte.net",
    "sfr.fr",
    "web.de",
    "t-online.de",
    "freenet.de",
    "libero.it",
    "virgilio.it",
    "mail.ru",
    "bk.ru",
    "inbox.ru",
    "list.ru",
    "rambler.ru",
    "protonmail.com",
    "proton.me",
    "pm.me",
    "tutanota.com",
    "tuta.io",
    "hey.com",
    "sina.com",
    "sina.cn",
    "sohu.com",
    "yeah.net",
    "139.com",
    "aliyun.com",
    "hinet.net",
    "ms1.hinet.net",
    "msa.hinet.net",
    "seed.net.tw",
    "pchome.com.tw",
    "netvigator.com",
    "hkbn.net",
    "biznetvigator.com",
    "streamyx.com",
    "tm.net.my",
    "singnet.com.sg",
    "naver.com",
    "daum.net",
    "hanmail.net",
    "nate.com",
    "rediffmail.com",
    "shaw.ca",
    "rogers.com",
    "bigpond.com",
    "optusnet.com.au",
    "xtra.co.nz",
    "uol.com.br",
    "bol.com.br",
    "terra.com.br",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_domain_finds_the_first_provider_that_has_it() {
        for p in PROVIDERS {
            for d in p.domains {
                let first = PROVIDERS
                    .iter()
                    .find(|q| q.domains.iter().any(|e| e.eq_ignore_ascii_case(d)));
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

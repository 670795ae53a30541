//! The provider database: every domain each provider serves, every server name that is
//! right, every port and security it accepts per protocol, the user-name form, whether mail
//! programs need an app password, and the sources of these facts. Data only: the types and
//! lookups are in `providers/mod.rs`, and a test checks every entry is well-formed (valid
//! hosts, known ports, no domain shared by two providers).
//!
//! Most facts come from the configuration files providers publish for mail programs in
//! Thunderbird's ISPDB (`https://autoconfig.thunderbird.net/v1.1/<file>`), beside the
//! provider's own help page where it names one.

use std::borrow::Cow;

use super::{ep, host_only, AppPassword, Provider, UsernameRule};
use crate::settings::Security::{None as Plain, Starttls, Tls};

/// The account each provider's customers sign in to, where it is not named after the
/// mail service itself (Gmail is a Google account, iCloud Mail an Apple Account).
pub static ACCOUNT_NAMES: &[(&str, &str)] = &[
    ("aol", "AOL"),
    ("gmail", "Google"),
    ("icloud", "Apple"),
    ("microsoft365", "Microsoft"),
    ("netease126", "NetEase"),
    ("netease163", "NetEase"),
    ("outlook", "Microsoft"),
    ("t-online", "Telekom"),
    ("verizon", "AOL"),
    ("yahoo", "Yahoo"),
    ("yandex", "Yandex"),
];

/// The table. Order matters only for hosts shared by two entries: the first one wins.
pub static PROVIDERS: &[Provider] = &[
    Provider {
        id: Cow::Borrowed("gmail"),
        name: Cow::Borrowed("Gmail"),
        family: None,
        domains: "gmail.com googlemail.com",
        imap: Cow::Borrowed(&[
            ep("imap.gmail.com", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.gmail.com", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.gmail.com", 465, Tls),
            ep("smtp.gmail.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::WithTwoStep,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/googlemail.com",
            "https://support.google.com/mail/answer/7126229",
            "https://support.google.com/accounts/answer/185833",
        ],
    },
    Provider {
        id: Cow::Borrowed("outlook"),
        name: Cow::Borrowed("Outlook.com"),
        family: Some("microsoft"),
        domains: "hotmail.com live.com msn.com outlook.com windowslive.com outlook.at outlook.be outlook.cl outlook.cz outlook.de outlook.dk outlook.es outlook.fr outlook.hu outlook.ie outlook.in outlook.it outlook.jp outlook.kr outlook.lv outlook.my outlook.ph outlook.pt outlook.sa outlook.sg outlook.sk outlook.co.id outlook.co.il outlook.co.th outlook.com.ar outlook.com.au outlook.com.br outlook.com.gr outlook.com.tr outlook.com.vn hotmail.be hotmail.ca hotmail.cl hotmail.cz hotmail.de hotmail.dk hotmail.es hotmail.fi hotmail.fr hotmail.gr hotmail.hu hotmail.it hotmail.lt hotmail.lv hotmail.my hotmail.nl hotmail.no hotmail.ph hotmail.rs hotmail.se hotmail.sg hotmail.sk hotmail.co.id hotmail.co.il hotmail.co.in hotmail.co.jp hotmail.co.kr hotmail.co.th hotmail.co.uk hotmail.co.za hotmail.com.ar hotmail.com.au hotmail.com.br hotmail.com.hk hotmail.com.tr hotmail.com.tw hotmail.com.vn live.at live.be live.ca live.cl live.cn live.de live.dk live.fi live.fr live.hk live.ie live.in live.it live.jp live.nl live.no live.ru live.se live.co.jp live.co.kr live.co.uk live.co.za live.com.ar live.com.au live.com.mx live.com.my live.com.ph live.com.pt live.com.sg livemail.tw passport.com",
        imap: Cow::Borrowed(&[
            ep("outlook.office365.com", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("outlook.office365.com", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp-mail.outlook.com", 587, Starttls),
            ep("smtp.office365.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/hotmail.com",
            "https://support.microsoft.com/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040",
        ],
    },
    Provider {
        id: Cow::Borrowed("microsoft365"),
        name: Cow::Borrowed("Microsoft 365"),
        family: Some("microsoft"),
        domains: "office365.com onmicrosoft.com",
        imap: Cow::Borrowed(&[
            ep("outlook.office365.com", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("outlook.office365.com", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.office365.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/office365.com",
            "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/pop3-and-imap4/pop3-and-imap4",
        ],
    },
    Provider {
        id: Cow::Borrowed("yahoo"),
        name: Cow::Borrowed("Yahoo Mail"),
        family: None,
        domains: "yahoo.com yahoo.de yahoo.it yahoo.fr yahoo.es yahoo.se yahoo.co.in yahoo.co.uk yahoo.co.nz yahoo.com.au yahoo.com.ar yahoo.com.br yahoo.com.mx ymail.com myyahoo.com rocketmail.com yahoo.ca yahoo.com.hk yahoo.com.tw yahoo.com.sg yahoo.com.my",
        imap: Cow::Borrowed(&[
            ep("imap.mail.yahoo.com", 993, Tls),
            ep("export.imap.mail.yahoo.com", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.mail.yahoo.com", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.mail.yahoo.com", 465, Tls),
            ep("smtp.mail.yahoo.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::Always,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/yahoo.com",
            "https://help.yahoo.com/kb/SLN4075.html",
            "https://help.yahoo.com/kb/SLN15241.html",
        ],
    },
    Provider {
        id: Cow::Borrowed("aol"),
        name: Cow::Borrowed("AOL Mail"),
        family: None,
        domains: "aol.com aim.com netscape.net netscape.com compuserve.com cs.com wmconnect.com aol.de aol.it aol.fr aol.es aol.se aol.co.uk aol.co.nz aol.com.au aol.com.ar aol.com.br aol.com.mx",
        imap: Cow::Borrowed(&[
            ep("imap.aol.com", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.aol.com", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.aol.com", 465, Tls),
            ep("smtp.aol.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::Either,
        outgoing_username: UsernameRule::Either,
        app_password: AppPassword::Always,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/aol.com",
            "https://help.aol.com/articles/how-do-i-use-other-email-applications-to-send-and-receive-my-aol-mail",
        ],
    },
    Provider {
        id: Cow::Borrowed("icloud"),
        name: Cow::Borrowed("iCloud Mail"),
        family: None,
        domains: "icloud.com me.com mac.com",
        imap: Cow::Borrowed(&[
            ep("imap.mail.me.com", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[]),
        smtp: Cow::Borrowed(&[
            ep("smtp.mail.me.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::Either,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::Always,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/me.com",
            "https://support.apple.com/en-us/102525",
        ],
    },
    Provider {
        id: Cow::Borrowed("gmx-net"),
        name: Cow::Borrowed("GMX"),
        family: None,
        domains: "gmx.net gmx.de gmx.at gmx.ch gmx.eu gmx.biz gmx.org gmx.info",
        imap: Cow::Borrowed(&[
            ep("imap.gmx.net", 993, Tls),
            ep("imap.gmx.net", 143, Starttls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.gmx.net", 995, Tls),
            ep("pop.gmx.net", 110, Starttls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("mail.gmx.net", 465, Tls),
            ep("mail.gmx.net", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/gmx.net",
            "https://hilfe.gmx.net/pop-imap/imap/imap-serverdaten.html",
        ],
    },
    Provider {
        id: Cow::Borrowed("gmx-com"),
        name: Cow::Borrowed("GMX"),
        family: None,
        domains: "gmx.com gmx.tm gmx.us gmx.co.uk gmx.es gmx.fr gmx.ca gmx.cn gmx.co.in gmx.com.br gmx.com.my gmx.hk gmx.ie gmx.ph gmx.pt gmx.ru gmx.se gmx.sg gmx.tw gmx.com.tr gmx.it gmx.li",
        imap: Cow::Borrowed(&[
            ep("imap.gmx.com", 993, Tls),
            ep("imap.gmx.com", 143, Starttls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.gmx.com", 995, Tls),
            ep("pop.gmx.com", 110, Starttls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("mail.gmx.com", 465, Tls),
            ep("mail.gmx.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/gmx.com",
            "https://support.gmx.com/pop-imap/imap/server.html",
        ],
    },
    Provider {
        id: Cow::Borrowed("webde"),
        name: Cow::Borrowed("WEB.DE"),
        family: None,
        domains: "web.de",
        imap: Cow::Borrowed(&[
            ep("imap.web.de", 993, Tls),
            ep("imap.web.de", 143, Starttls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop3.web.de", 995, Tls),
            ep("pop3.web.de", 110, Starttls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.web.de", 465, Tls),
            ep("smtp.web.de", 587, Starttls),
        ]),
        incoming_username: UsernameRule::Either,
        outgoing_username: UsernameRule::Either,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/web.de",
            "https://hilfe.web.de/pop-imap/imap/imap-serverdaten.html",
        ],
    },
    Provider {
        id: Cow::Borrowed("t-online"),
        name: Cow::Borrowed("T-Online"),
        family: None,
        domains: "t-online.de magenta.de",
        imap: Cow::Borrowed(&[
            ep("secureimap.t-online.de", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("securepop.t-online.de", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("securesmtp.t-online.de", 465, Tls),
            ep("securesmtp.t-online.de", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::Always,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/t-online.de",
            "https://www.telekom.de/hilfe/apps-dienste/e-mail/einstellungen/posteingang-postausgang-server",
        ],
    },
    Provider {
        id: Cow::Borrowed("mailcom"),
        name: Cow::Borrowed("mail.com"),
        family: None,
        domains: "mail.com mail.org email.com post.com usa.com accountant.com consultant.com dr.com engineer.com cheerful.com techie.com linuxmail.org europe.com london.com uymail.com myself.com iname.com writeme.com",
        imap: Cow::Borrowed(&[
            ep("imap.mail.com", 993, Tls),
            ep("imap.mail.com", 143, Starttls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.mail.com", 995, Tls),
            ep("pop.mail.com", 110, Starttls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.mail.com", 465, Tls),
            ep("smtp.mail.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/mail.com",
        ],
    },
    Provider {
        id: Cow::Borrowed("freenet"),
        name: Cow::Borrowed("freenet Mail"),
        family: None,
        domains: "freenet.de",
        imap: Cow::Borrowed(&[
            ep("mx.freenet.de", 993, Tls),
            ep("mx.freenet.de", 143, Starttls),
        ]),
        pop3: Cow::Borrowed(&[]),
        smtp: Cow::Borrowed(&[
            ep("mx.freenet.de", 465, Tls),
            ep("mx.freenet.de", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/freenet.de",
            "https://kundenservice.freenet.de/faq/e-mail-client-mail/einstellungen-serverdaten-fuer-alle-e-mail-programme/",
        ],
    },
    Provider {
        id: Cow::Borrowed("1und1"),
        name: Cow::Borrowed("1&1"),
        family: None,
        domains: "1und1.de online.de onlinehome.de sofortstart.de sofort-start.de sofortsurf.de sofort-surf.de go4more.de",
        imap: Cow::Borrowed(&[
            ep("imap.1und1.de", 993, Tls),
            ep("imap.1und1.de", 143, Starttls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.1und1.de", 995, Tls),
            ep("pop.1und1.de", 110, Starttls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.1und1.de", 465, Tls),
            ep("smtp.1und1.de", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/1und1.de",
        ],
    },
    Provider {
        id: Cow::Borrowed("posteo"),
        name: Cow::Borrowed("Posteo"),
        family: None,
        domains: "posteo.de posteo.at posteo.be posteo.ca posteo.ch posteo.com posteo.eu posteo.net posteo.org posteo.uk posteo.us posteo.co.uk",
        imap: Cow::Borrowed(&[
            ep("posteo.de", 993, Tls),
            ep("posteo.de", 143, Starttls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("posteo.de", 995, Tls),
            ep("posteo.de", 110, Starttls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("posteo.de", 465, Tls),
            ep("posteo.de", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/posteo.de",
            "https://posteo.de/hilfe/wie-richte-ich-posteo-in-einem-mailprogramm-ein-pop3-imap-und-smtp",
        ],
    },
    Provider {
        id: Cow::Borrowed("yandex"),
        name: Cow::Borrowed("Yandex Mail"),
        family: None,
        domains: "yandex.ru yandex.com yandex.net yandex.by yandex.kz yandex.ua ya.ru narod.ru",
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
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/yandex.ru",
            "https://yandex.com/support/mail/mail-clients/others.html",
        ],
    },
    Provider {
        id: Cow::Borrowed("mailru"),
        name: Cow::Borrowed("Mail.ru"),
        family: None,
        domains: "mail.ru inbox.ru list.ru bk.ru",
        imap: Cow::Borrowed(&[
            ep("imap.mail.ru", 993, Tls),
            ep("imap.mail.ru", 143, Starttls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.mail.ru", 995, Tls),
            ep("pop.mail.ru", 110, Starttls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.mail.ru", 465, Tls),
            ep("smtp.mail.ru", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/mail.ru",
            "https://help.mail.ru/mail/mailer/popsmtp",
        ],
    },
    Provider {
        id: Cow::Borrowed("rambler"),
        name: Cow::Borrowed("Rambler Mail"),
        family: None,
        domains: "rambler.ru",
        imap: Cow::Borrowed(&[
            ep("imap.rambler.ru", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.rambler.ru", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.rambler.ru", 465, Tls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/rambler.ru",
            "https://help.rambler.ru/mail/mail-pochtovye-klienty/1275/",
        ],
    },
    Provider {
        id: Cow::Borrowed("naver"),
        name: Cow::Borrowed("Naver Mail"),
        family: None,
        domains: "naver.com",
        imap: Cow::Borrowed(&[
            ep("imap.naver.com", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.naver.com", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.naver.com", 465, Tls),
            ep("smtp.naver.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::Either,
        outgoing_username: UsernameRule::Either,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/naver.com",
            "https://help.naver.com/service/30029/contents/21342?osType=PC&lang=ko",
        ],
    },
    Provider {
        id: Cow::Borrowed("daum"),
        name: Cow::Borrowed("Daum Mail"),
        family: None,
        domains: "daum.net hanmail.net",
        imap: Cow::Borrowed(&[
            ep("imap.daum.net", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[]),
        smtp: Cow::Borrowed(&[
            ep("smtp.daum.net", 465, Tls),
        ]),
        incoming_username: UsernameRule::Either,
        outgoing_username: UsernameRule::Either,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/daum.net",
            "https://cs.daum.net/faq/43/9234.html#24081",
        ],
    },
    Provider {
        id: Cow::Borrowed("comcast"),
        name: Cow::Borrowed("Xfinity (Comcast)"),
        family: None,
        domains: "comcast.net",
        imap: Cow::Borrowed(&[
            ep("imap.comcast.net", 993, Tls),
            ep("imap.comcast.net", 143, Starttls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("mail.comcast.net", 995, Tls),
            ep("mail.comcast.net", 110, Starttls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.comcast.net", 465, Tls),
            ep("smtp.comcast.net", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/comcast.net",
            "https://www.xfinity.com/support/articles/third-party-email-access",
        ],
    },
    Provider {
        id: Cow::Borrowed("att"),
        name: Cow::Borrowed("AT&T"),
        family: None,
        domains: "att.net ameritech.net bellsouth.net currently.com flash.net nvbell.net pacbell.net prodigy.net sbcglobal.net snet.net swbell.net wans.net",
        imap: Cow::Borrowed(&[
            ep("imap.mail.att.net", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("inbound.att.net", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.mail.att.net", 465, Tls),
            ep("outbound.att.net", 465, Tls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::Always,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/att.net",
            "https://www.att.com/support/article/email-support/KM1010523/",
        ],
    },
    Provider {
        id: Cow::Borrowed("verizon"),
        name: Cow::Borrowed("Verizon (AOL Mail)"),
        family: Some("aol"),
        domains: "verizon.net",
        imap: Cow::Borrowed(&[
            ep("imap.aol.com", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.aol.com", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.aol.com", 465, Tls),
            ep("smtp.aol.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::Always,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/verizon.net",
            "https://help.aol.com/articles/how-do-i-set-up-other-email-applications-to-send-and-receive-my-verizon-net-mail",
        ],
    },
    Provider {
        id: Cow::Borrowed("cox"),
        name: Cow::Borrowed("Cox"),
        family: Some("yahoo"),
        domains: "cox.net",
        imap: Cow::Borrowed(&[
            ep("imap.cox.net", 993, Tls),
            ep("imap.mail.yahoo.com", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.cox.net", 995, Tls),
            ep("pop.mail.yahoo.com", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.cox.net", 465, Tls),
            ep("smtp.cox.net", 587, Starttls),
            ep("smtp.mail.yahoo.com", 465, Tls),
            ep("smtp.mail.yahoo.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::Either,
        outgoing_username: UsernameRule::Either,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/cox.net",
            "https://autoconfig.thunderbird.net/v1.1/yahoo.com",
        ],
    },
    Provider {
        id: Cow::Borrowed("charter"),
        name: Cow::Borrowed("Spectrum (Charter)"),
        family: None,
        domains: "charter.net spectrum.net bresnan.net",
        imap: Cow::Borrowed(&[
            ep("mobile.charter.net", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("mobile.charter.net", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("mobile.charter.net", 587, Tls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/charter.net",
            "https://www.spectrum.net/support/internet/mobile-email-setup",
        ],
    },
    Provider {
        id: Cow::Borrowed("earthlink"),
        name: Cow::Borrowed("EarthLink"),
        family: None,
        domains: "earthlink.net mindspring.com ix.netcom.com peoplepc.com",
        imap: Cow::Borrowed(&[
            ep("imap.earthlink.net", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.earthlink.net", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtpauth.earthlink.net", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/earthlink.net",
            "https://help.earthlink.net/portal/en/kb/articles/email-server-settings",
        ],
    },
    Provider {
        id: Cow::Borrowed("qcom"),
        name: Cow::Borrowed("CenturyLink (Q.com)"),
        family: None,
        domains: "q.com",
        imap: Cow::Borrowed(&[
            ep("mail.q.com", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("mail.q.com", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.q.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/q.com",
            "http://www.centurylink.com/help/index.php?assetid=239",
        ],
    },
    Provider {
        id: Cow::Borrowed("bell"),
        name: Cow::Borrowed("Bell (Canada)"),
        family: None,
        domains: "bell.net sympatico.ca",
        imap: Cow::Borrowed(&[
            ep("imap.bell.net", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pophm.sympatico.ca", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtphm.sympatico.ca", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/bell.net",
        ],
    },
    Provider {
        id: Cow::Borrowed("telstra"),
        name: Cow::Borrowed("Telstra Mail (BigPond)"),
        family: None,
        domains: "bigpond.com bigpond.net.au telstra.com bigpond.net",
        imap: Cow::Borrowed(&[
            ep("imap.telstra.com", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.telstra.com", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.telstra.com", 465, Tls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/bigpond.com",
            "https://www.telstra.com.au/support/category/email/telstra-mail/recommended-email-settings-for-telstra-mail",
        ],
    },
    Provider {
        id: Cow::Borrowed("orange"),
        name: Cow::Borrowed("Mail Orange"),
        family: None,
        domains: "orange.fr wanadoo.fr",
        imap: Cow::Borrowed(&[
            ep("imap.orange.fr", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.orange.fr", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.orange.fr", 465, Tls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/orange.fr",
        ],
    },
    Provider {
        id: Cow::Borrowed("free"),
        name: Cow::Borrowed("Free"),
        family: None,
        domains: "free.fr",
        imap: Cow::Borrowed(&[
            ep("imap.free.fr", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.free.fr", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.free.fr", 465, Tls),
        ]),
        incoming_username: UsernameRule::LocalPart,
        outgoing_username: UsernameRule::LocalPart,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/free.fr",
            "https://assistance.free.fr/articles/configurer-de-maniere-avancee-mon-logiciel-de-messagerie-609",
        ],
    },
    Provider {
        id: Cow::Borrowed("virgilio"),
        name: Cow::Borrowed("Virgilio Mail"),
        family: None,
        domains: "virgilio.it",
        imap: Cow::Borrowed(&[
            ep("in.virgilio.it", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("in.virgilio.it", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("out.virgilio.it", 465, Tls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/virgilio.it",
            "https://aiuto.virgilio.it/articolo/mail/configurare-virgilio-mail-con-client-di-posta-imap-e-smtp/",
        ],
    },
    Provider {
        id: Cow::Borrowed("libero"),
        name: Cow::Borrowed("Libero Mail"),
        family: None,
        domains: "libero.it iol.it blu.it inwind.it giallo.it",
        imap: Cow::Borrowed(&[
            ep("imapmail.libero.it", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("popmail.libero.it", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.libero.it", 465, Tls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/libero.it",
            "http://aiuto.libero.it/articolo/mail/parametri-di-configurazione-per-il-client-di-posta/",
        ],
    },
    Provider {
        id: Cow::Borrowed("tiscali"),
        name: Cow::Borrowed("Tiscali Mail"),
        family: None,
        domains: "tiscali.it",
        imap: Cow::Borrowed(&[
            ep("imap.tiscali.it", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.tiscali.it", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.tiscali.it", 465, Tls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/tiscali.it",
            "https://assistenza.tiscali.it/servizi/guida/posta-elettronica/",
        ],
    },
    Provider {
        id: Cow::Borrowed("o2pl"),
        name: Cow::Borrowed("o2 Poczta"),
        family: None,
        domains: "o2.pl go2.pl tlen.pl prokonto.pl",
        imap: Cow::Borrowed(&[
            ep("poczta.o2.pl", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("poczta.o2.pl", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("poczta.o2.pl", 465, Tls),
            ep("poczta.o2.pl", 587, Starttls),
        ]),
        incoming_username: UsernameRule::LocalPart,
        outgoing_username: UsernameRule::LocalPart,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/o2.pl",
            "https://pomoc.o2.pl/jak-skonfigurowac-program-pocztowy",
        ],
    },
    Provider {
        id: Cow::Borrowed("ziggo"),
        name: Cow::Borrowed("Ziggo Mail"),
        family: None,
        domains: "ziggo.nl ziggomail.com casema.nl zinders.nl upcmail.nl chello.nl multiweb.nl home.nl quicknet.nl",
        imap: Cow::Borrowed(&[
            ep("imap.ziggo.nl", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.ziggo.nl", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.ziggo.nl", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/ziggo.nl",
            "https://www.ziggo.nl/klantenservice/e-mail/",
        ],
    },
    Provider {
        id: Cow::Borrowed("kpn"),
        name: Cow::Borrowed("KPN E-mail"),
        family: None,
        domains: "kpnmail.nl kpnplanet.nl planet.nl wxs.nl hetnet.nl freeler.nl xs4all.nl telfort.nl tiscali.nl tiscalimail.nl",
        imap: Cow::Borrowed(&[
            ep("imap.kpnmail.nl", 993, Tls),
            ep("imap.kpnmail.nl", 143, Starttls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.kpnmail.nl", 995, Tls),
            ep("pop.kpnmail.nl", 110, Starttls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.kpnmail.nl", 465, Tls),
            ep("smtp.kpnmail.nl", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/kpnmail.nl",
            "https://www.kpn.com/service/internet/e-mail/instellen-laptop-pc.htm",
        ],
    },
    Provider {
        id: Cow::Borrowed("a1"),
        name: Cow::Borrowed("A1 (Austria)"),
        family: None,
        domains: "a1.net aon.at",
        imap: Cow::Borrowed(&[
            ep("securemail.a1.net", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[]),
        smtp: Cow::Borrowed(&[
            ep("securemail.a1.net", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/a1.net",
        ],
    },
    Provider {
        id: Cow::Borrowed("sky"),
        name: Cow::Borrowed("Sky Mail"),
        family: None,
        domains: "sky.com",
        imap: Cow::Borrowed(&[
            ep("imap.tools.sky.com", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.tools.sky.com", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.tools.sky.com", 465, Tls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/sky.com",
            "http://help.sky.com/articles/get-emails-on-other-clients?product=email",
        ],
    },
    Provider {
        id: Cow::Borrowed("virginmedia"),
        name: Cow::Borrowed("Virgin Media Mail"),
        family: None,
        domains: "ntlworld.com virginmedia.com blueyonder.co.uk virgin.net",
        imap: Cow::Borrowed(&[
            ep("imap.ntlworld.com", 993, Tls),
            ep("imap.virginmedia.com", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop3.ntlworld.com", 995, Tls),
            ep("pop3.virginmedia.com", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.ntlworld.com", 465, Tls),
            ep("smtp.virginmedia.com", 465, Tls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/ntlworld.com",
            "https://autoconfig.thunderbird.net/v1.1/virgin.net",
        ],
    },
    Provider {
        id: Cow::Borrowed("zoho"),
        name: Cow::Borrowed("Zoho Mail"),
        family: None,
        domains: "zoho.com zohomail.com zoho.eu zoho.in zoho.jp zohomail.eu zohomail.in",
        imap: Cow::Borrowed(&[
            ep("imap.zoho.com", 993, Tls),
            ep("imappro.zoho.com", 993, Tls),
            ep("imap.zoho.eu", 993, Tls),
            ep("imap.zoho.in", 993, Tls),
            ep("imap.zoho.jp", 993, Tls),
            ep("imap.zoho.com.cn", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.zoho.com", 995, Tls),
            ep("poppro.zoho.com", 995, Tls),
            ep("pop.zoho.eu", 995, Tls),
            ep("pop.zoho.in", 995, Tls),
            ep("pop.zoho.jp", 995, Tls),
            ep("pop.zoho.com.cn", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.zoho.com", 465, Tls),
            ep("smtp.zoho.com", 587, Starttls),
            ep("smtppro.zoho.com", 465, Tls),
            ep("smtppro.zoho.com", 587, Starttls),
            ep("smtp.zoho.eu", 465, Tls),
            ep("smtp.zoho.eu", 587, Starttls),
            ep("smtp.zoho.in", 465, Tls),
            ep("smtp.zoho.jp", 465, Tls),
            ep("smtp.zoho.com.cn", 465, Tls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::WithTwoStep,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/zoho.com",
            "https://autoconfig.thunderbird.net/v1.1/zoho.jp",
            "https://www.zoho.com/mail/help/imap-access.html",
            "https://www.zoho.com/mail/help/pop-access.html",
        ],
    },
    Provider {
        id: Cow::Borrowed("fastmail"),
        name: Cow::Borrowed("Fastmail"),
        family: None,
        domains: "fastmail.com fastmail.fm fastmail.fr fastmail.net fastmail.org fastmail.us fastmail.co.uk fastmail.de fastmail.jp messagingengine.com",
        imap: Cow::Borrowed(&[
            ep("imap.fastmail.com", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.fastmail.com", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.fastmail.com", 465, Tls),
            ep("smtp.fastmail.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::Always,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/messagingengine.com",
            "https://www.fastmail.help/hc/en-us/articles/1500000278342-Server-names-and-ports",
        ],
    },
    Provider {
        id: Cow::Borrowed("mailboxorg"),
        name: Cow::Borrowed("mailbox.org"),
        family: None,
        domains: "mailbox.org",
        imap: Cow::Borrowed(&[
            ep("imap.mailbox.org", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[]),
        smtp: Cow::Borrowed(&[
            ep("smtp.mailbox.org", 465, Tls),
            ep("smtp.mailbox.org", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::WithTwoStep,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/mailbox.org",
            "https://kb.mailbox.org/de/privat/e-mail/e-mail-konfiguration/",
        ],
    },
    Provider {
        id: Cow::Borrowed("roadrunner"),
        name: Cow::Borrowed("Spectrum (Road Runner)"),
        family: None,
        domains: "rr.com twc.com",
        imap: Cow::Borrowed(&[
            ep("mail.twc.com", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("mail.twc.com", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("mail.twc.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/rr.com",
        ],
    },
    Provider {
        id: Cow::Borrowed("alice"),
        name: Cow::Borrowed("TIM Alice"),
        family: None,
        domains: "alice.it tim.it",
        imap: Cow::Borrowed(&[
            ep("in.alice.it", 143, Starttls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("in.alice.it", 110, Starttls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("out.alice.it", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/alice.it",
            "https://www.tim.it/assistenza/assistenza-tecnica/mail/configurazione/protocolli-posta",
        ],
    },
    Provider {
        id: Cow::Borrowed("inbox-lv"),
        name: Cow::Borrowed("Inbox.lv"),
        family: None,
        domains: "inbox.lv inbox.eu inbox.lt inbox.la",
        imap: Cow::Borrowed(&[
            ep("mail.inbox.lv", 993, Tls),
            ep("mail.inbox.eu", 993, Tls),
            ep("mail.inbox.lt", 993, Tls),
            ep("mail.inbox.la", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("mail.inbox.lv", 995, Tls),
            ep("mail.inbox.eu", 995, Tls),
            ep("mail.inbox.lt", 995, Tls),
            ep("mail.inbox.la", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("mail.inbox.lv", 465, Tls),
            ep("mail.inbox.eu", 465, Tls),
            ep("mail.inbox.lt", 465, Tls),
            ep("mail.inbox.la", 465, Tls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/inbox.lv",
            "https://help.inbox.lv/?keyword=email_clients_settings",
        ],
    },
    Provider {
        id: Cow::Borrowed("rediffmail"),
        name: Cow::Borrowed("Rediffmail"),
        family: None,
        domains: "rediffmail.com",
        imap: Cow::Borrowed(&[]),
        pop3: Cow::Borrowed(&[
            ep("pop.rediffmail.com", 995, Tls),
            ep("pop.rediffmail.com", 110, Plain),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.rediffmail.com", 465, Tls),
            ep("smtp.rediffmail.com", 586, Tls),
            ep("smtp.rediffmail.com", 587, Plain),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/rediffmail.com",
        ],
    },
    Provider {
        id: Cow::Borrowed("vodafone-de"),
        name: Cow::Borrowed("Vodafone E-Mail"),
        family: None,
        domains: "vodafonemail.de vodafone.de arcor.de kabelmail.de",
        imap: Cow::Borrowed(&[
            ep("imap.vodafonemail.de", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop3.vodafonemail.de", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.vodafonemail.de", 465, Tls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/vodafonemail.de",
            "https://www.vodafone.de/hilfe/vodafone-e-mail-cloud.html",
        ],
    },
    Provider {
        id: Cow::Borrowed("ocn"),
        name: Cow::Borrowed("OCN"),
        family: None,
        domains: "ocn.ne.jp ocn.ad.jp",
        imap: Cow::Borrowed(&[]),
        pop3: Cow::Borrowed(&[
            ep("pop.ocn.ne.jp", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.ocn.ne.jp", 465, Tls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/ocn.ne.jp",
        ],
    },
    Provider {
        id: Cow::Borrowed("nifty"),
        name: Cow::Borrowed("@nifty"),
        family: None,
        domains: "nifty.com",
        imap: Cow::Borrowed(&[]),
        pop3: Cow::Borrowed(&[
            ep("pop.nifty.com", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.nifty.com", 587, Plain),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/nifty.com",
            "https://mail.nifty.com/info/manual/",
        ],
    },
    Provider {
        id: Cow::Borrowed("email-it"),
        name: Cow::Borrowed("email.it"),
        family: None,
        domains: "email.it",
        imap: Cow::Borrowed(&[
            ep("in.email.it", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.email.it", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("out.email.it", 465, Tls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/email.it",
            "https://www.email.it/faq",
        ],
    },
    Provider {
        id: Cow::Borrowed("onecom"),
        name: Cow::Borrowed("one.com"),
        family: None,
        domains: "one.com",
        imap: Cow::Borrowed(&[
            ep("imap.one.com", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[]),
        smtp: Cow::Borrowed(&[
            ep("send.one.com", 465, Tls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/one.com",
        ],
    },
    Provider {
        id: Cow::Borrowed("mail-ee"),
        name: Cow::Borrowed("Mail.ee"),
        family: None,
        domains: "mail.ee",
        imap: Cow::Borrowed(&[
            ep("mail.ee", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("mail.ee", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("mail.ee", 465, Tls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/mail.ee",
            "https://help.mail.ee/?keyword=email_clients_settings",
        ],
    },
    Provider {
        id: Cow::Borrowed("goo"),
        name: Cow::Borrowed("goo mail"),
        family: None,
        domains: "goo.jp",
        imap: Cow::Borrowed(&[
            ep("imap.mail.goo.jp", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.mail.goo.jp", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.mail.goo.jp", 465, Tls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/goo.jp",
        ],
    },
    Provider {
        id: Cow::Borrowed("fastweb"),
        name: Cow::Borrowed("Fastweb"),
        family: None,
        domains: "fastwebnet.it",
        imap: Cow::Borrowed(&[
            ep("imap.fastwebnet.it", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.fastwebnet.it", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.fastwebnet.it", 587, Starttls),
        ]),
        incoming_username: UsernameRule::FullAddress,
        outgoing_username: UsernameRule::FullAddress,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://autoconfig.thunderbird.net/v1.1/fastwebnet.it",
            "https://www.fastweb.it/fastmail/guida/mail_POPeIMAP/",
        ],
    },
    Provider {
        id: Cow::Borrowed("qq"),
        name: Cow::Borrowed("QQ Mail"),
        family: None,
        domains: "qq.com vip.qq.com foxmail.com",
        imap: Cow::Borrowed(&[
            ep("imap.qq.com", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.qq.com", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.qq.com", 465, Tls),
            ep("smtp.qq.com", 587, Starttls),
        ]),
        incoming_username: UsernameRule::Either,
        outgoing_username: UsernameRule::Either,
        app_password: AppPassword::AuthorizationCode,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://service.mail.qq.com/detail/0/428",
            "https://autoconfig.thunderbird.net/v1.1/qq.com",
        ],
    },
    Provider {
        id: Cow::Borrowed("netease163"),
        name: Cow::Borrowed("NetEase 163 Mail"),
        family: None,
        domains: "163.com vip.163.com",
        imap: Cow::Borrowed(&[
            ep("imap.163.com", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.163.com", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.163.com", 465, Tls),
            ep("smtp.163.com", 994, Tls),
        ]),
        incoming_username: UsernameRule::Either,
        outgoing_username: UsernameRule::Either,
        app_password: AppPassword::AuthorizationCode,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://help.mail.163.com/faqDetail.do?code=d7a5dc8471cd0c0e8b4b8f4f8e49998b374173cfe9171305fa1ce630d7f67ac2",
        ],
    },
    Provider {
        id: Cow::Borrowed("netease126"),
        name: Cow::Borrowed("NetEase 126 Mail"),
        family: None,
        domains: "126.com vip.126.com",
        imap: Cow::Borrowed(&[
            ep("imap.126.com", 993, Tls),
        ]),
        pop3: Cow::Borrowed(&[
            ep("pop.126.com", 995, Tls),
        ]),
        smtp: Cow::Borrowed(&[
            ep("smtp.126.com", 465, Tls),
            ep("smtp.126.com", 994, Tls),
        ]),
        incoming_username: UsernameRule::Either,
        outgoing_username: UsernameRule::Either,
        app_password: AppPassword::AuthorizationCode,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://help.mail.163.com/faqDetail.do?code=d7a5dc8471cd0c0e8b4b8f4f8e49998b374173cfe9171305fa1ce630d7f67ac2",
        ],
    },
    Provider {
        id: Cow::Borrowed("sonet-tw"),
        name: Cow::Borrowed("So-net"),
        family: None,
        domains: "so-net.net.tw",
        imap: Cow::Borrowed(&[]),
        pop3: Cow::Borrowed(&[
            host_only("so-net.net.tw"),
        ]),
        smtp: Cow::Borrowed(&[
            host_only("so-net.net.tw"),
        ]),
        incoming_username: UsernameRule::LocalPart,
        outgoing_username: UsernameRule::LocalPart,
        app_password: AppPassword::No,
        smtp_auth: false,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "So-net Taiwan's mail help, chapter 4 (E-mail 疑難雜症解答): POP3 and SMTP server so-net.net.tw, the account name as 帳號, authentication unticked",
        ],
    },
    Provider {
        id: Cow::Borrowed("yahoo-jp"),
        name: Cow::Borrowed("Yahoo! JAPAN Mail"),
        family: None,
        domains: "yahoo.co.jp ymail.ne.jp",
        imap: Cow::Borrowed(&[]),
        pop3: Cow::Borrowed(&[
            host_only("pop.mail.yahoo.co.jp"),
        ]),
        smtp: Cow::Borrowed(&[
            host_only("smtp.mail.yahoo.co.jp"),
        ]),
        incoming_username: UsernameRule::Either,
        outgoing_username: UsernameRule::Either,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "http://www.gunpaso.com/documents/pc-school-text16.html (pop.mail.yahoo.co.jp, smtp.mail.yahoo.co.jp)",
        ],
    },
    Provider {
        id: Cow::Borrowed("139"),
        name: Cow::Borrowed("139 Mail (China Mobile)"),
        family: None,
        domains: "139.com",
        imap: Cow::Borrowed(&[
            host_only("imap.139.com"),
        ]),
        pop3: Cow::Borrowed(&[
            host_only("pop.139.com"),
        ]),
        smtp: Cow::Borrowed(&[
            host_only("smtp.139.com"),
        ]),
        incoming_username: UsernameRule::Either,
        outgoing_username: UsernameRule::Either,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://xiayuyun.com/zonghe/634029.html (pop.139.com, smtp.139.com, imap.139.com)",
        ],
    },
    Provider {
        id: Cow::Borrowed("sina"),
        name: Cow::Borrowed("Sina Mail"),
        family: None,
        domains: "sina.com sina.cn sina.com.cn",
        imap: Cow::Borrowed(&[]),
        pop3: Cow::Borrowed(&[
            host_only("pop3.sina.com.cn"),
        ]),
        smtp: Cow::Borrowed(&[
            host_only("smtp.sina.com.cn"),
        ]),
        incoming_username: UsernameRule::Either,
        outgoing_username: UsernameRule::Either,
        app_password: AppPassword::No,
        smtp_auth: true,
        // The sources are for people and tests: the browser build leaves them out.
        #[cfg(not(target_arch = "wasm32"))]
        sources: &[
            "https://xiayuyun.com/zonghe/634029.html (smtp.sina.com.cn, pop3.sina.com.cn)",
        ],
    },
];

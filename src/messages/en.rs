//! English messages. Placeholders in braces are filled in by the engine.

#[cfg(feature = "probe")]
use super::StepText;
use super::{e, Catalogue, Entry, Plural, Term, Ui, Words};
use crate::codes::Code;
#[cfg(feature = "probe")]
use crate::codes::ProbeCode;
use crate::settings::Field;

pub static CATALOGUE: Catalogue = Catalogue {
    entries: super::entry_table!(entry),
    #[cfg(feature = "probe")]
    probe_entry,
    words: Words {
        fields: super::field_table!(field),
        security_none: "None",
        terms: super::term_table!(term),
        months: [
            "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December",
        ],
        date: "{day} {month} {year}",
        list_separator: ", ",
        list_last: " and ",
    },
    ui: Ui {
        language: "Language",
        incoming: "Incoming mail",
        outgoing: "Outgoing mail",
        choose: "Choose…",
        paste: "Or paste your settings here",
        fix_all: "Fix all",
        test_connection: "Test connection",
        testing: "Testing the connection…",
        problems: Plural {
            one: "{count} problem to look at.",
            other: "{count} problems to look at.",
        },
        no_problems: "No problems found.",
        unavailable: "Checking is unavailable right now. Your typing is kept.",
        reload: "Reload the checker",
        probe_ok: "{server} answered.",
        probe_failed: "{server} did not answer as expected.",
        probe_unreachable:
            "The connection test could not be reached. Check your settings above, or try again later.",
        probe_timeout: "The connection test took too long and was stopped. Try again later.",
        probe_needs_server: "Fill in a server and port first.",
        step_line: "{mark} {step}: {detail} ({ms} ms)",
        copy_summary: "Copy summary",
        copied: "Copied: paste it into your message to support.",
        summary_title: "Mail settings as typed",
        summary_findings: "What the checker found:",
        summary_line: "{field}: {value}",
        yes: "Yes",
        no: "No",
        discovery_found: "Mail for {domain} is handled by {provider} ({source}).",
        discovery_no_provider: "{domain} publishes no mail settings that maillint knows.",
        discovery_failed: "Couldn’t look up {domain}.",
        source_autoconfig: "its settings file",
        source_mx: "MX records",
        source_ispdb: "Thunderbird’s provider list",
        source_srv: "SRV records",
        discovery_oauth: "Mail apps can sign in there with the provider's own sign-in (OAuth).",
    },
    #[cfg(feature = "probe")]
    step,
};

const fn term(t: Term) -> &'static str {
    match t {
        Term::AppPassword => "an app password",
        Term::AuthorizationCode => "an authorization code",
        Term::NoSuchName => "the name does not exist",
        Term::NullMx => "it publishes a null MX record",
        Term::NoMxNoAddress => "it has neither an MX record nor an address",
        Term::AppPasswordApple => "an app-specific password",
        Term::NeedAlways => "Mail programs always need one at this provider: the account password does not work there.",
        Term::NeedWithTwoStep => "Once two-step verification is on, mail programs need one: the account password no longer works there.",
        Term::NeedCode => "Turn on IMAP/SMTP in the mailbox's web settings first; the code is made there.",
        Term::NeedCodeAt => "Turn on IMAP/SMTP in the mailbox's web settings and make the code there: “{where}”.",
        Term::Spaces => "spaces",
        Term::Invisible => "invisible characters",
        Term::SpacesAndInvisible => "spaces and invisible characters",
        Term::NotFilledIn => "is empty",
        Term::NotChosen => "is not chosen",
        Term::FillIn => "Fill in",
        Term::Choose => "Choose",
        Term::SignInOnly => "{provider} only accepts {account} sign-in",
        Term::SignInOffered => "{provider} offers {account} sign-in",
        Term::PasswordRefused => "A password will not work, not even an app password: {provider} has refused them from mail apps since {date}.",
        Term::PasswordRefusedFor => "For {protocol} a password will not work, not even an app password: {provider} has refused them since {date}.",
        Term::PasswordEnding => "{provider} has announced the day a password stops working here; the warning on the server names it.",
        Term::PasswordFrom => "{provider} takes no password from mail apps, not even an app password, from {date} on.",
        Term::OrAppPasswordAlways => "An app without it signs in with an app password made in your {account} account's security settings, never with the account password.",
        Term::OrAppPasswordTwoStep => "An app without it needs an app password, which {account} offers once two-step verification is on; the account password does not work.",
        Term::OrPassword => "An app without it signs in with your account password.",
        Term::AppsNamed => "{names} offer it; an old version may need updating first.",
        Term::AppsUnnamed => "Apps that open {account}'s own sign-in page use it; an old version may need updating first.",
        Term::EndsForAll => "After that day a password, even an app password, no longer signs in.",
        Term::EndsByDefault => "After that day a password no longer signs in unless your organisation's administrator turns password sign-in back on.",
    }
}

const fn field(f: Field) -> &'static str {
    match f {
        Field::Email => "Email address",
        Field::IncomingProtocol => "Account type",
        Field::IncomingHost => "Incoming server",
        Field::IncomingPort => "Incoming port",
        Field::IncomingSecurity => "Incoming encryption",
        Field::IncomingUsername => "Incoming user name",
        Field::OutgoingHost => "Outgoing server",
        Field::OutgoingPort => "Outgoing port",
        Field::OutgoingSecurity => "Outgoing encryption",
        Field::OutgoingUsername => "Outgoing user name",
        Field::OutgoingAuth => "My outgoing server requires authentication",
    }
}

const fn entry(code: Code) -> Entry {
    match code {
        Code::CommaForDot => e(
            "“{value}” has “{mark}” where a dot (.) belongs.",
            "Addresses and server names use dots (.) between their parts. A comma, a semicolon or the Chinese enumeration comma 、 is easy to type by mistake, especially with a Chinese input method, and makes the name invalid.",
            "Change to “{fixed}”",
        ),
        Code::DomainNoMail => e(
            "“{domain}” does not receive mail: {reason}.",
            "No mail server will accept mail for this domain, so no setting can make the account work. The address is probably mistyped: check the part after @ letter by letter.",
            "",
        ),
        Code::DomainTypo => e(
            "“{value}” looks like a misspelling of {suggestion}.",
            "A misspelt name does not exist: the mail program cannot connect to a misspelt server, and mail sent to a misspelt address is lost. Compare it letter by letter with your provider's help page.",
            "Change to “{fixed}”",
        ),
        Code::DomainTypoSuspected => e(
            "“{value}” is spelt almost like {suggestion}. Did you mean {suggestion}?",
            "maillint does not know this domain, and it is one or two letters away from a well-known one. If your address or server really is spelt this way, keep it; if it is a slip, the misspelt name does not exist and mail sent to it is lost.",
            "Change to “{fixed}”",
        ),
        Code::Fullwidth => e(
            "“{value}” contains full-width characters.",
            "A Chinese or Japanese input method typed full-width forms such as 。 ＠ or ９. They look alike but are different characters; mail programs need the plain ones.",
            "Change to “{fixed}”",
        ),
        Code::HostHasPort => e(
            "The port {port} is typed inside the server name “{value}”.",
            "Mail programs have a separate port field. Put the port there and only the name in the server field.",
            "Move port {port} to the port field",
        ),
        Code::HostHasScheme => e(
            "“{value}” is written as a link (URL), not as a server name.",
            "The server field needs the name alone, such as mail.example.com: leave out https://, imap://, mailto: and anything after a /.",
            "Use “{fixed}”",
        ),
        Code::HostIdn => e(
            "“{value}” is an internationalized name; its ASCII form is “{punycode}”.",
            "The name is valid, but some mail programs and phones accept only the ASCII (punycode) form. Use it if yours refuses the name.",
            "Use “{fixed}”",
        ),
        Code::HostIsEmail => e(
            "“{value}” is an email address, not a server name.",
            "The server field needs the name of your provider's mail server, such as mail.example.com, not your own address.",
            "Use “{fixed}”",
        ),
        Code::HostSingleLabel => e(
            "“{value}” is not a complete server name.",
            "A server name on the internet has at least one dot, like mail.example.com. A single word only works inside some company networks.",
            "",
        ),
        Code::HostWrongProtocol => e(
            "“{value}” is named like a server for {found}, but this field needs the server for {expected}.",
            "Mail is received over IMAP or POP3 and sent over SMTP, and providers name their servers that way. Check that the incoming and outgoing servers are not swapped and that the account type is right.",
            "Use “{fixed}”",
        ),
        Code::InvalidEmail => e(
            "“{value}” is not a valid email address.",
            "An address has the form name@domain, with exactly one @ and a domain with a dot, like momo@example.com.",
            "Change to “{fixed}”",
        ),
        Code::InvalidHost => e(
            "“{value}” is not a valid server name.",
            "A server name is made of letters, digits and hyphens, separated by single dots (like mail.example.com). No part may be empty, start or end with a hyphen, or be longer than 63 characters.",
            "Change to “{fixed}”",
        ),
        Code::InvalidPort => e(
            "“{value}” is not a port number.",
            "A port is a whole number from 1 to 65535. Mail uses 993 or 143 for IMAP, 995 or 110 for POP3, and 465 or 587 for SMTP.",
            "",
        ),
        Code::MissingField => e(
            "{field} {state}.",
            "Every one of these settings is needed to send and receive mail. Your provider's help page lists them.",
            "{action} “{fixed}”",
        ),
        Code::NoEncryption => e(
            "This connection is not encrypted.",
            "Without SSL/TLS or STARTTLS, your password and your mail cross the network in clear text, readable on any shared Wi-Fi. Many providers refuse such logins.",
            "Use “{security}”",
        ),
        Code::Placeholder => e(
            "“{value}” is sample text from a help page, not a real value.",
            "Help pages write placeholders like mail.[yourdomain] or example.com. Replace them with your own domain: the part of your email address after @.",
            "Use “{fixed}”",
        ),
        Code::Port25Submission => e(
            "Port 25 is blocked for sending on many networks.",
            "Internet providers block port 25 on home, mobile and hotel networks to stop spam. Mail programs send on 587 with STARTTLS or 465 with SSL/TLS.",
            "Use port {fixed} with “{security}”",
        ),
        Code::PortNonstandard => e(
            "Port {port} is not a usual {protocol} port.",
            "The usual ports are 993 and 143 for IMAP, 995 and 110 for POP3, 465 and 587 for SMTP. Keep this one only if your provider gave it.",
            "",
        ),
        Code::PortSecurityMismatch => e(
            "Port {port} uses “{expected}”, not “{found}”.",
            "Ports 993, 995 and 465 are encrypted from the start (SSL/TLS); ports 143, 110, 587 and 25 start in plain text and switch with STARTTLS. With the wrong pair the connection fails or hangs.",
            "Use “{expected}”",
        ),
        Code::PortWrongProtocol => e(
            "Port {port} is for {owner}, not {protocol}.",
            "Each protocol has its own ports: 993 and 143 for IMAP, 995 and 110 for POP3, 465 and 587 for SMTP. On another protocol's port the server does not understand the mail program.",
            "Use port {fixed}",
        ),
        Code::ProfileBadPlaceholder => e(
            "“{value}” has a malformed placeholder.",
            "Mail clients replace only %EMAILADDRESS%, %EMAILLOCALPART% and %EMAILDOMAIN%, spelt exactly and closed with %; anything else reaches customers as literal text.",
            "",
        ),
        Code::ProfileInvalidHostname => e(
            "“{value}” is not a valid host name.",
            "Write the server name alone, letters, digits and hyphens between single dots, with %EMAILDOMAIN% where the customer's domain goes; no URL, port or underscore.",
            "",
        ),
        Code::ProfileMissingElement => e(
            "<{name}> is missing.",
            "Clients skip a server without hostname, port and socketType, and a profile needs at least one incoming and one outgoing server.",
            "",
        ),
        Code::ProfileOutgoingNotSmtp => e(
            "The outgoing server has type “{value}”, not smtp.",
            "Mail is sent over SMTP; clients ignore an outgoing server of another type and then cannot send.",
            "",
        ),
        Code::ProfilePortSocketMismatch => e(
            "Port {port} with socketType “{value}” contradicts the standard: use “{expected}”.",
            "Ports 993, 995 and 465 are implicit TLS (SSL); 143, 110, 587 and 25 start in plain text (STARTTLS). The wrong pair makes every customer's connection fail or hang.",
            "",
        ),
        Code::ProfileUnknownSocketType => e(
            "socketType “{value}” is not one clients know.",
            "The format knows exactly SSL, STARTTLS and plain; clients drop a server with any other value.",
            "",
        ),
        Code::ProtocolNotOffered => e(
            "{provider} does not offer {protocol}.",
            "The domain says in its DNS records (SRV) that {protocol} is not offered. Choose {other}.",
            "Switch to {other}",
        ),
        Code::ProviderAppPassword => e(
            "Mail programs sign in to {provider} with {term}, not with your account password.",
            "Create {term} in the security settings of your {account} account and type it where the mail program asks for the password. {need}",
            "",
        ),
        Code::ProviderHostMismatch => e(
            "{provider} uses “{expected}” for {protocol}, not “{value}”.",
            "Addresses at {provider} work only with {provider}'s own servers.",
            "Use “{fixed}”",
        ),
        Code::ProviderHostUndocumented => e(
            "{provider} documents “{expected}” for {protocol}; “{value}” is not a name it publishes.",
            "The name is under {provider}'s own domain, but it is not one of the servers {provider} tells mail programs to use. Unless {provider} gave you this name, use the documented one.",
            "Use “{fixed}”",
        ),
        Code::ProviderNoPop => e(
            "{provider} does not offer POP3.",
            "{provider} can only be used with IMAP. Choose IMAP and the server “{host}”.",
            "Switch to IMAP with “{host}”",
        ),
        Code::ProviderPortMismatch => e(
            "{provider} does not use port {port} for {protocol}.",
            "{provider}'s servers listen only on the ports its help page lists; any other port times out or is refused.",
            "Use port {fixed} with “{security}”",
        ),
        Code::ProviderSignIn => e(
            "{signin}: in your mail app choose “Sign in with {account}” (OAuth).",
            "{apps} {password}",
            "",
        ),
        Code::SignInPasswordEnding => e(
            "From {date}, {provider} stops accepting passwords for {protocol}: choose “Sign in with {account}” (OAuth) in your mail app before then.",
            "{after} Settings that work today will then fail, although nothing in them has changed.",
            "",
        ),
        Code::SmtpAuthOff => e(
            "The outgoing server is set to send without signing in.",
            "Almost every provider requires your user name and password for sending. Turn on “My outgoing server requires authentication”.",
            "Turn on authentication",
        ),
        Code::SourcesDisagree => e(
            "“{domain}” names {file} in its own settings file, but its MX records point to {mx}.",
            "Mail for the domain goes where the MX records point; the settings file is probably left over from an earlier provider. Use the servers of {mx} unless your provider says otherwise, and tell whoever runs the domain.",
            "",
        ),
        Code::UsernameFullAddressExpected => e(
            "{provider} expects your full email address as the user name, not “{value}”.",
            "Without the part after @ the login fails as if the password were wrong.",
            "Use “{fixed}”",
        ),
        Code::UsernameFullAddressSuggested => e(
            "{provider}'s setting page gives your full email address as the user name, not “{value}”.",
            "Some older setting lists give only the part before @, so “{value}” may still work; if signing in fails, use the full address.",
            "Use “{fixed}”",
        ),
        Code::UsernameLocalPartExpected => e(
            "{provider} expects only the part before @ as the user name, not “{value}”.",
            "This provider signs in with the account name alone; the full address is an unknown user there.",
            "Use “{fixed}”",
        ),
        Code::UsernameMismatch => e(
            "The user name “{value}” is not your email address “{email}”.",
            "The user name is usually the address you are setting up; a letter off makes the login fail. Keep it only if your provider gave you a different login.",
            "Use “{fixed}”",
        ),
        Code::Whitespace => e(
            "“{value}” contains {what}.",
            "Spaces, tabs, non-breaking or full-width spaces and zero-width characters come along when settings are copied from a web page or a chat. Mail servers do not accept them.",
            "Remove the {what}: “{fixed}”",
        ),
        // The probe's codes have a table of their own.
        #[cfg(feature = "probe")]
        Code::Probe(_) => e("", "", ""),
    }
}

/// The probe's messages (maillint-server only).
#[cfg(feature = "probe")]
const fn probe_entry(code: ProbeCode) -> Entry {
    match code {
        ProbeCode::AuthNotOffered => e(
            "“{server}” offers no way to sign in on this connection.",
            "A mail program needs a login method (AUTH or LOGIN) after the connection is secured; check the port and security your provider gives.",
            "",
        ),
        ProbeCode::BadResponse => e(
            "“{server}” answered with something no mail server sends.",
            "The answer was too long or not text. Another service may be listening on this port; check the port number.",
            "",
        ),
        ProbeCode::CertExpired => e(
            "The certificate of “{server}” expired on {date}.",
            "Mail programs refuse an expired certificate, or warn about it every time. Only the provider can renew it; tell them.",
            "",
        ),
        ProbeCode::CertNameMismatch => e(
            "The certificate of “{server}” is for {names}, not for this name.",
            "Use one of the names the certificate carries as the server name, or ask your provider which name to use.",
            "",
        ),
        ProbeCode::CertSelfSigned => e(
            "“{server}” uses a self-signed certificate.",
            "Mail programs warn about or refuse such a certificate. Ask your provider for the server name with a proper certificate.",
            "",
        ),
        ProbeCode::CertUntrusted => e(
            "The certificate of “{server}” is not issued by an authority mail programs trust.",
            "Mail programs will warn about this connection. Ask your provider which server name carries a trusted certificate.",
            "",
        ),
        ProbeCode::ConnectRefused => e(
            "“{server}” refused the connection.",
            "Nothing listens on this port of the server. Check the port number and the server name.",
            "",
        ),
        ProbeCode::ConnectTimeout => e(
            "“{server}” did not answer in time.",
            "The server or a firewall on the way drops the connection; many networks block port 25. Check the server name and port, or try another port your provider offers.",
            "",
        ),
        ProbeCode::DnsNotFound => e(
            "The server name “{host}” does not exist.",
            "Check its spelling against your provider's help page.",
            "",
        ),
        ProbeCode::LoginDisabledBeforeTls => e(
            "“{server}” refuses to log in before the connection is encrypted.",
            "Choose STARTTLS (or SSL/TLS on the encrypted port) so the mail program can sign in.",
            "",
        ),
        ProbeCode::NoGreeting => e(
            "“{server}” accepted the connection but sent no greeting.",
            "The server may expect encryption from the start (SSL/TLS), or a different service is listening. Check the port and security.",
            "",
        ),
        ProbeCode::OauthOnly => e(
            "“{server}” takes only sign-in through the provider's page (OAuth): a password will not work.",
            "The server offers only the OAuth methods (XOAUTH2, OAUTHBEARER), so the mail app must sign in with the provider's own sign-in (for example “Sign in with Microsoft”), not with a password or an app password.",
            "",
        ),
        ProbeCode::PlainExpectedButTls => e(
            "“{server}” expects encryption from the start on this port.",
            "Choose SSL/TLS for this port.",
            "",
        ),
        ProbeCode::PortForbidden => e(
            "Port {port} is not one the connection test checks.",
            "Only mail ports are tested. Check the port number.",
            "",
        ),
        ProbeCode::RateLimited => e(
            "Too many connection tests in a short time.",
            "Wait {seconds} seconds and try again.",
            "",
        ),
        ProbeCode::StarttlsInjection => e(
            "“{server}” sent data between its STARTTLS answer and the encryption.",
            "This is a known attack or a broken server; the data was ignored. Tell your provider.",
            "",
        ),
        ProbeCode::StarttlsNotOffered => e(
            "“{server}” does not offer STARTTLS.",
            "Without it the password would cross the network in clear text. Use SSL/TLS on the encrypted port your provider gives.",
            "",
        ),
        ProbeCode::TargetForbidden => e(
            "The connection test does not connect to “{host}”.",
            "Private, local and reserved addresses cannot be tested from the internet. Use your provider's public server name.",
            "",
        ),
        ProbeCode::TlsExpectedButPlain => e(
            "“{server}” answers in plain text, not with encryption.",
            "Choose STARTTLS for this port.",
            "",
        ),
        ProbeCode::TlsTooOld => e(
            "“{server}” only offers an old, insecure version of TLS.",
            "Current mail programs refuse TLS 1.0 and 1.1. Only the provider can update the server.",
            "",
        ),
        ProbeCode::WrongProtocol => e(
            "“{server}” answered as {found}, not {expected}.",
            "The port belongs to another service. Check the port number and the account type.",
            "",
        ),
    }
}

/// The connection test's steps (maillint-server only).
#[cfg(feature = "probe")]
fn step(s: StepText) -> &'static str {
    match s {
        StepText::Dns => "name lookup",
        StepText::Connect => "connection",
        StepText::Tls => "encryption",
        StepText::Greeting => "greeting",
        StepText::Capabilities => "capabilities",
        StepText::Starttls => "STARTTLS",
        StepText::NoAddress => "no address found",
        StepText::SpecialAddress => "a private or reserved address",
        StepText::TestedTooOften => "this server was tested too often",
        StepText::Refused => "refused",
        StepText::NetworkError => "a network error",
        StepText::NoAnswerInTime => "no answer in time",
        StepText::ServerSaid => "“{value}”",
        StepText::LineTooLong => "a line longer than any mail server sends",
        StepText::BinaryData => "binary data, not text",
        StepText::ServerClosed => "the server closed the connection",
        StepText::IncompleteThenSilence => "an incomplete line, then silence",
        StepText::Silence => "silence",
        StepText::ReplyTooLong => "a reply over 64 KiB",
        StepText::CapabilityTooLong => "a capability over 256 characters",
        StepText::TooManyCapabilities => "more than 256 capabilities",
        StepText::NoCompleteAnswer => "no complete answer",
        StepText::CouldNotSendStarttls => "could not send STARTTLS",
        StepText::BytesIgnored => "{count} bytes sent before encryption were ignored",
        StepText::TlsValid => "{version}, certificate valid",
        StepText::TlsVersion => "{version}",
        StepText::TlsFailed => "the encryption could not be set up",
        StepText::BeforeTls => "before encryption; sign-in: {auth}",
        StepText::BeforeTlsStarttls => "before encryption, STARTTLS offered; sign-in: {auth}",
        StepText::AfterTls => "after encryption; sign-in: {auth}",
        StepText::NoSignIn => "no method offered",
        StepText::SignInAfterStarttls => "offered after STARTTLS, once the connection is secured",
    }
}

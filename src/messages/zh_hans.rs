//! 简体中文消息。称呼客户为“您”；每样东西只用一个词，标签和消息一致（邮箱地址、收件服务器、发件服务器）。大括号内的名称由引擎填入。

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
        security_none: "无",
        terms: super::term_table!(term),
        months: [
            "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
        ],
        date: "{year}年{month}{day}日",
        list_separator: "、",
        list_last: "、",
    },
    ui: Ui {
        language: "语言",
        incoming: "收件",
        outgoing: "发件",
        choose: "请选择…",
        paste: "或在此粘贴您的设置",
        fix_all: "全部修正",
        test_connection: "测试连接",
        testing: "正在测试连接…",
        problems: Plural {
            one: "有 {count} 个问题需要注意。",
            other: "有 {count} 个问题需要注意。",
        },
        no_problems: "没有发现问题。",
        unavailable: "暂时无法检查。您输入的内容已保留。",
        reload: "重新加载检查工具",
        probe_ok: "“{server}”有响应。",
        probe_failed: "“{server}”的响应不符合预期。",
        probe_unreachable: "无法进行连接测试。请检查上面的设置，或稍后再试。",
        probe_timeout: "连接测试时间过长，已停止。请稍后再试。",
        probe_needs_server: "请先填写服务器和端口。",
        step_line: "{mark} {step}：{detail}（{ms} 毫秒）",
        copy_summary: "复制摘要",
        copied: "已复制：请粘贴到您给客服的消息中。",
        summary_title: "所输入的邮件设置",
        summary_findings: "检查结果：",
        summary_line: "{field}：{value}",
        yes: "是",
        no: "否",
        discovery_found: "{domain} 的邮件由 {provider} 处理（{source}）。",
        discovery_no_provider: "{domain} 没有公布 maillint 认识的邮件设置。",
        discovery_failed: "无法查询 {domain}。",
        source_autoconfig: "其配置文件",
        source_mx: "MX 记录",
        source_ispdb: "Thunderbird 的服务商列表",
        source_srv: "SRV 记录",
        discovery_oauth: "邮件客户端可在该服务商自家的登录页面登录（OAuth）。",
    },
    #[cfg(feature = "probe")]
    step,
};

const fn term(t: Term) -> &'static str {
    match t {
        Term::AppPassword => "应用专用密码",
        Term::AuthorizationCode => "授权码",
        Term::NoSuchName => "该名称不存在",
        Term::NullMx => "它公布了空 MX 记录",
        Term::NoMxNoAddress => "它既没有 MX 记录，也没有地址",
        Term::AppPasswordApple => "App 专用密码",
        Term::NeedAlways => "在这家服务商，邮件客户端一律要用它，账号密码在客户端里无效。",
        Term::NeedWithTwoStep => "开启两步验证后，邮件客户端就要用它，账号密码在客户端里不再有效。",
        Term::NeedCode => "请先在网页版邮箱的设置中开启 IMAP/SMTP 服务，授权码也在那里生成。",
        Term::NeedCodeAt => "请在网页版邮箱中开启 IMAP/SMTP 服务并生成授权码：“{where}”。",
        Term::Spaces => "空格",
        Term::Invisible => "不可见字符",
        Term::SpacesAndInvisible => "空格和不可见字符",
        Term::NotFilledIn => "尚未填写",
        Term::NotChosen => "尚未选择",
        Term::FillIn => "填写",
        Term::Choose => "选择",
        Term::SignInOnly => "{provider} 只接受 {account} 登录",
        Term::SignInOffered => "{provider} 支持 {account} 登录",
        Term::PasswordRefused => "密码无法登录，应用专用密码也不行：自{date}起，{provider} 已不再接受邮件客户端用密码登录。",
        Term::PasswordRefusedFor => "{protocol} 无法用密码登录，应用专用密码也不行：{provider} 自{date}起已不再接受。",
        Term::PasswordEnding => "{provider} 已公布停止接受密码登录的日期，服务器一栏的提醒写明了日期。",
        Term::PasswordFrom => "自{date}起，{provider} 不再接受邮件客户端用密码登录，应用专用密码也不行。",
        Term::OrAppPasswordAlways => "不支持这种登录方式的客户端须使用在 {account} 账号安全设置中生成的应用专用密码，账号密码无效。",
        Term::OrAppPasswordTwoStep => "不支持这种登录方式的客户端须使用应用专用密码，{account} 要在开启两步验证后才提供；账号密码无效。",
        Term::OrPassword => "不支持这种登录方式的客户端可用账号密码登录。",
        Term::AppsNamed => "{names} 都支持这种登录方式；旧版本可能需要先更新。",
        Term::AppsUnnamed => "会打开 {account} 自家登录页面的客户端都用这种方式；旧版本可能需要先更新。",
        Term::EndsForAll => "到那天以后，密码（包括应用专用密码）将无法登录。",
        Term::EndsByDefault => "到那天以后，除非贵单位的管理员重新开启密码登录，否则密码将无法登录。",
    }
}

const fn field(f: Field) -> &'static str {
    match f {
        Field::Email => "邮箱地址",
        Field::IncomingProtocol => "账户类型",
        Field::IncomingHost => "收件服务器",
        Field::IncomingPort => "收件端口",
        Field::IncomingSecurity => "收件加密方式",
        Field::IncomingUsername => "收件用户名",
        Field::OutgoingHost => "发件服务器",
        Field::OutgoingPort => "发件端口",
        Field::OutgoingSecurity => "发件加密方式",
        Field::OutgoingUsername => "发件用户名",
        Field::OutgoingAuth => "我的发送服务器（SMTP）要求验证",
    }
}

const fn entry(code: Code) -> Entry {
    match code {
        Code::CommaForDot => e(
            "“{value}”中应为点（.）的地方输入了“{mark}”。",
            "邮箱地址和服务器名称的各部分用点（.）分隔。逗号、分号或顿号“、”很容易误输入，尤其是在使用中文输入法时，会使名称无效。",
            "改为“{fixed}”",
        ),
        Code::DomainNoMail => e(
            "“{domain}”无法接收邮件：{reason}。",
            "没有邮件服务器会为此域名收信，任何设置都无法让账户正常工作。邮箱地址很可能输错了：请逐个字母检查 @ 之后的部分。",
            "",
        ),
        Code::DomainTypo => e(
            "“{value}”看起来是 {suggestion} 的拼写错误。",
            "拼错的名称并不存在：邮件客户端无法连接拼错的服务器，发往拼错地址的邮件也会丢失。请对照服务商的帮助页面逐个字母检查。",
            "改为“{fixed}”",
        ),
        Code::DomainTypoSuspected => e(
            "“{value}”与 {suggestion} 只差一两个字母。您是否要输入 {suggestion}？",
            "maillint 不认识这个域名，而它与一个常见域名只差一两个字母。如果您的地址或服务器确实这样拼写，请保留；如果是打错了，拼错的名称并不存在，发往那里的邮件会丢失。",
            "改为“{fixed}”",
        ),
        Code::Fullwidth => e(
            "“{value}”含有全角字符。",
            "中文或日文输入法输入了“。”“＠”“９”等全角字符。它们看起来一样，其实是不同的字符；邮件客户端只接受半角字符。",
            "改为“{fixed}”",
        ),
        Code::HostHasPort => e(
            "{port} 端口被输入到了服务器名称“{value}”中。",
            "邮件客户端有单独的端口栏。请把端口填在那里，服务器栏只填名称。",
            "把 {port} 端口移到端口栏",
        ),
        Code::HostHasScheme => e(
            "“{value}”写成了链接（URL）的形式，不是服务器名称。",
            "服务器栏只需填写名称，例如 mail.example.com；不要加上 https://、imap://、mailto: 或“/”之后的任何内容。",
            "改用“{fixed}”",
        ),
        Code::HostIdn => e(
            "“{value}”是国际化域名，其 ASCII 形式为“{punycode}”。",
            "该名称有效，但部分邮件客户端和手机只接受 ASCII（punycode）形式。如果您的程序拒绝该名称，请改用这一形式。",
            "改用“{fixed}”",
        ),
        Code::HostIsEmail => e(
            "“{value}”是邮箱地址，不是服务器名称。",
            "服务器栏需要填写服务商的邮件服务器名称，例如 mail.example.com，而不是您自己的邮箱地址。",
            "改用“{fixed}”",
        ),
        Code::HostSingleLabel => e(
            "“{value}”不是完整的服务器名称。",
            "互联网上的服务器名称至少包含一个点（.），例如 mail.example.com。单个词只在某些公司内部网络中有效。",
            "",
        ),
        Code::HostWrongProtocol => e(
            "“{value}”的名称看起来是 {found} 服务器，但此栏需要 {expected} 服务器。",
            "收信使用 IMAP 或 POP3，发信使用 SMTP，服务商通常按此为服务器命名。请检查收件服务器和发件服务器是否填反，以及账户类型是否正确。",
            "改用“{fixed}”",
        ),
        Code::InvalidEmail => e(
            "“{value}”不是有效的邮箱地址。",
            "邮箱地址的格式为“名称@域名”，只有一个 @，域名中要有点（.），例如 momo@example.com。",
            "改为“{fixed}”",
        ),
        Code::InvalidHost => e(
            "“{value}”不是有效的服务器名称。",
            "服务器名称由字母、数字和连字符组成，各部分用单个点（.）分隔，例如 mail.example.com。任何部分都不能为空、不能以连字符开头或结尾，也不能超过 63 个字符。",
            "改为“{fixed}”",
        ),
        Code::InvalidPort => e(
            "“{value}”不是端口号。",
            "端口是 1 到 65535 之间的整数。IMAP 使用 993 或 143，POP3 使用 995 或 110，SMTP 使用 465 或 587。",
            "",
        ),
        Code::MissingField => e(
            "“{field}”{state}。",
            "收发邮件需要以上每一项设置。您的服务商的帮助页面会列出这些信息。",
            "{action}“{fixed}”",
        ),
        Code::NoEncryption => e(
            "此连接没有加密。",
            "没有 SSL/TLS 或 STARTTLS，您的密码和邮件会以明文在网络上传输，在任何公共 Wi-Fi 上都能被读取。许多服务商会拒绝这样的登录。",
            "改用“{security}”",
        ),
        Code::Placeholder => e(
            "“{value}”是帮助页面上的示例文字，不是真实的设置值。",
            "帮助页面会用 mail.[yourdomain] 或 example.com 之类的文字作示例。请换成您自己的域名，即邮箱地址中 @ 之后的部分。",
            "改用“{fixed}”",
        ),
        Code::Port25Submission => e(
            "许多网络屏蔽了通过 25 端口发信。",
            "为防止垃圾邮件，网络运营商会在家庭、移动和酒店网络中屏蔽 25 端口。邮件客户端应使用 587 搭配 STARTTLS，或 465 搭配 SSL/TLS 发信。",
            "改用 {fixed} 端口和“{security}”",
        ),
        Code::PortNonstandard => e(
            "{port} 端口不是常用的 {protocol} 端口。",
            "常用端口为：IMAP 993 和 143，POP3 995 和 110，SMTP 465 和 587。除非服务商指定，否则请不要使用此端口。",
            "",
        ),
        Code::PortSecurityMismatch => e(
            "{port} 端口应使用“{expected}”，而不是“{found}”。",
            "993、995 和 465 端口从一开始就加密（SSL/TLS）；143、110、587 和 25 端口先以明文连接，再通过 STARTTLS 转为加密。搭配错误会导致连接失败或卡住。",
            "改用“{expected}”",
        ),
        Code::PortWrongProtocol => e(
            "{port} 端口属于 {owner}，不是 {protocol}。",
            "每种协议都有自己的端口：IMAP 为 993 和 143，POP3 为 995 和 110，SMTP 为 465 和 587。使用其他协议的端口，服务器无法与邮件客户端通信。",
            "改用 {fixed} 端口",
        ),
        Code::ProfileBadPlaceholder => e(
            "“{value}”中的占位符格式错误。",
            "邮件客户端只会替换拼写完全正确并以 % 结尾的 %EMAILADDRESS%、%EMAILLOCALPART% 和 %EMAILDOMAIN%；其他写法会原样显示给客户。",
            "",
        ),
        Code::ProfileInvalidHostname => e(
            "“{value}”不是有效的主机名。",
            "只写服务器名称：字母、数字和连字符，用单个点分隔，客户域名的位置用 %EMAILDOMAIN%；不要写网址、端口或下划线。",
            "",
        ),
        Code::ProfileMissingElement => e(
            "缺少 <{name}>。",
            "客户端会跳过缺少 hostname、port 或 socketType 的服务器；配置文件至少需要一个收件服务器和一个发件服务器。",
            "",
        ),
        Code::ProfileOutgoingNotSmtp => e(
            "发件服务器的类型是“{value}”，不是 smtp。",
            "发信使用 SMTP；客户端会忽略其他类型的发件服务器，从而无法发信。",
            "",
        ),
        Code::ProfilePortSocketMismatch => e(
            "{port} 端口搭配 socketType“{value}”不符合标准：应使用“{expected}”。",
            "993、995 和 465 端口是隐式 TLS（SSL）；143、110、587 和 25 端口先以明文连接（STARTTLS）。搭配错误会使每位客户的连接失败或卡住。",
            "",
        ),
        Code::ProfileUnknownSocketType => e(
            "socketType“{value}”不是客户端认识的值。",
            "该格式只认识 SSL、STARTTLS 和 plain；其他值会使客户端丢弃该服务器。",
            "",
        ),
        Code::ProtocolNotOffered => e(
            "{provider} 不提供 {protocol}。",
            "该域名在 DNS 记录（SRV）中表明不提供 {protocol}。请选择 {other}。",
            "改用 {other}",
        ),
        Code::ProviderAppPassword => e(
            "邮件客户端登录 {provider} 时要用{term}，而不是您的账号密码。",
            "请在您的 {account} 账号的安全设置中生成{term}，在邮件客户端要求输入密码时填写它。{need}",
            "",
        ),
        Code::ProviderHostMismatch => e(
            "{provider} 的 {protocol} 服务器是“{expected}”，不是“{value}”。",
            "{provider} 的邮箱地址只能搭配 {provider} 自己的服务器使用。",
            "改用“{fixed}”",
        ),
        Code::ProviderHostUndocumented => e(
            "{provider} 的 {protocol} 服务器是“{expected}”；“{value}”不是它公布的名称。",
            "该名称属于 {provider} 自己的域名，但不是 {provider} 公布给邮件客户端使用的服务器。除非 {provider} 给过您这个名称，否则请使用公布的服务器。",
            "改用“{fixed}”",
        ),
        Code::ProviderNoPop => e(
            "{provider} 不提供 POP3。",
            "{provider} 只能通过 IMAP 使用。请选择 IMAP 和服务器“{host}”。",
            "改用 IMAP 和“{host}”",
        ),
        Code::ProviderPortMismatch => e(
            "{provider} 的 {protocol} 不使用 {port} 端口。",
            "{provider} 的服务器只在其帮助页面列出的端口上接受连接；其他端口会超时或被拒绝。",
            "改用 {fixed} 端口和“{security}”",
        ),
        Code::ProviderSignIn => e(
            "{signin}：请在邮件客户端中选择“使用 {account} 登录”（OAuth）。",
            "{apps}{password}",
            "",
        ),
        Code::SignInPasswordEnding => e(
            "自{date}起，{provider} 将停止接受 {protocol} 的密码登录：请在此之前在邮件客户端中选择“使用 {account} 登录”（OAuth）。",
            "{after}现在能用的设置届时会失败，尽管设置本身没有任何改变。",
            "",
        ),
        Code::SmtpAuthOff => e(
            "发件服务器被设置为不登录就发信。",
            "几乎所有服务商发信时都要求用户名和密码。请勾选“我的发送服务器（SMTP）要求验证”。",
            "开启验证",
        ),
        Code::SourcesDisagree => e(
            "“{domain}”自己的配置文件指向 {file}，但其 MX 记录指向 {mx}。",
            "邮件会发往 MX 记录所指的地方；配置文件很可能是以前的服务商留下的。除非服务商另有说明，请使用 {mx} 的服务器，并告知域名的管理者。",
            "",
        ),
        Code::UsernameFullAddressExpected => e(
            "{provider} 要求用完整的邮箱地址作为用户名，而不是“{value}”。",
            "缺少 @ 之后的部分，登录会失败，看起来就像密码错误。",
            "改用“{fixed}”",
        ),
        Code::UsernameFullAddressSuggested => e(
            "{provider} 的设置页用完整的邮箱地址作为用户名，而不是“{value}”。",
            "一些较旧的设置列表只写 @ 之前的部分，所以“{value}”也许仍然可用；如果登录失败，请改用完整地址。",
            "改用“{fixed}”",
        ),
        Code::UsernameLocalPartExpected => e(
            "{provider} 只需要 @ 之前的部分作为用户名，而不是“{value}”。",
            "该服务商只用账号名登录；完整地址在这里会被当作不存在的用户。",
            "改用“{fixed}”",
        ),
        Code::UsernameMismatch => e(
            "用户名“{value}”与您的邮箱地址“{email}”不同。",
            "用户名通常就是您正在设置的邮箱地址；差一个字母就会登录失败。除非服务商给了您另一个登录名，否则请改正。",
            "改用“{fixed}”",
        ),
        Code::Whitespace => e(
            "“{value}”含有{what}。",
            "从网页或聊天消息复制设置时，常会带上空格、制表符、不换行空格、全角空格或零宽字符。邮件服务器不接受这些字符。",
            "删除{what}：“{fixed}”",
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
            "“{server}”在此连接上没有提供登录方式。",
            "连接加密后，邮件客户端需要登录方式（AUTH 或 LOGIN）；请核对服务商提供的端口和加密方式。",
            "",
        ),
        ProbeCode::BadResponse => e(
            "“{server}”的响应不像任何邮件服务器。",
            "响应过长或不是文本。此端口上可能是其他服务；请检查端口号。",
            "",
        ),
        ProbeCode::CertExpired => e(
            "“{server}”的证书已于 {date} 过期。",
            "邮件客户端会拒绝过期证书，或每次都发出警告。只有服务商能更新证书，请告知他们。",
            "",
        ),
        ProbeCode::CertNameMismatch => e(
            "“{server}”的证书属于 {names}，不是这个名称。",
            "请改用证书上的某个名称作为服务器名称，或向服务商咨询。",
            "",
        ),
        ProbeCode::CertSelfSigned => e(
            "“{server}”使用自签名证书。",
            "邮件客户端会警告或拒绝这类证书。请向服务商询问使用正式证书的服务器名称。",
            "",
        ),
        ProbeCode::CertUntrusted => e(
            "“{server}”的证书不是由邮件客户端信任的机构签发的。",
            "邮件客户端会对此连接发出警告。请向服务商询问使用受信任证书的服务器名称。",
            "",
        ),
        ProbeCode::ConnectRefused => e(
            "“{server}”拒绝了连接。",
            "服务器的这个端口上没有提供服务。请检查端口号和服务器名称。",
            "",
        ),
        ProbeCode::ConnectTimeout => e(
            "“{server}”没有及时响应。",
            "服务器或途中的防火墙丢弃了连接；许多网络屏蔽 25 端口。请检查服务器名称和端口，或改用服务商提供的其他端口。",
            "",
        ),
        ProbeCode::DnsNotFound => e(
            "服务器名称“{host}”不存在。",
            "请对照服务商的帮助页面检查拼写。",
            "",
        ),
        ProbeCode::LoginDisabledBeforeTls => e(
            "“{server}”在连接加密前拒绝登录。",
            "请选择 STARTTLS（或在加密端口上使用 SSL/TLS），让邮件客户端可以登录。",
            "",
        ),
        ProbeCode::NoGreeting => e(
            "“{server}”接受了连接，但没有发送问候信息。",
            "服务器可能要求从一开始就加密（SSL/TLS），或此端口上是其他服务。请检查端口和加密方式。",
            "",
        ),
        ProbeCode::OauthOnly => e(
            "“{server}”只接受经服务商页面登录（OAuth），密码无法登录。",
            "服务器只提供 OAuth 登录方式（XOAUTH2、OAUTHBEARER），所以邮件客户端必须使用服务商自己的登录方式（例如“使用 Microsoft 登录”），不能用密码或应用专用密码。",
            "",
        ),
        ProbeCode::PlainExpectedButTls => e(
            "“{server}”在此端口上要求从一开始就加密。",
            "请为此端口选择 SSL/TLS。",
            "",
        ),
        ProbeCode::PortForbidden => e(
            "连接测试不测试 {port} 端口。",
            "只测试邮件端口。请检查端口号。",
            "",
        ),
        ProbeCode::RateLimited => e(
            "短时间内的连接测试太多。",
            "请等待 {seconds} 秒后再试。",
            "",
        ),
        ProbeCode::StarttlsInjection => e(
            "“{server}”在 STARTTLS 响应和加密之间发送了数据。",
            "这是已知的攻击手法或服务器故障；这些数据已被忽略。请告知服务商。",
            "",
        ),
        ProbeCode::StarttlsNotOffered => e(
            "“{server}”没有提供 STARTTLS。",
            "没有它，密码会以明文在网络上传输。请在服务商提供的加密端口上使用 SSL/TLS。",
            "",
        ),
        ProbeCode::TargetForbidden => e(
            "连接测试不会连接“{host}”。",
            "私有、本地和保留地址无法从互联网测试。请使用服务商的公开服务器名称。",
            "",
        ),
        ProbeCode::TlsExpectedButPlain => e(
            "“{server}”以明文响应，没有加密。",
            "请为此端口选择 STARTTLS。",
            "",
        ),
        ProbeCode::TlsTooOld => e(
            "“{server}”只提供旧的、不安全的 TLS 版本。",
            "目前的邮件客户端会拒绝 TLS 1.0 和 1.1。只有服务商能升级服务器。",
            "",
        ),
        ProbeCode::WrongProtocol => e(
            "“{server}”以 {found} 响应，而不是 {expected}。",
            "此端口属于其他服务。请检查端口号和账户类型。",
            "",
        ),
    }
}

/// The connection test's steps (maillint-server only).
#[cfg(feature = "probe")]
fn step(s: StepText) -> &'static str {
    match s {
        StepText::Dns => "查询名称",
        StepText::Connect => "连接",
        StepText::Tls => "加密",
        StepText::Greeting => "问候信息",
        StepText::Capabilities => "服务器功能",
        StepText::Starttls => "STARTTLS",
        StepText::NoAddress => "找不到地址",
        StepText::SpecialAddress => "私有或保留地址",
        StepText::TestedTooOften => "该服务器测试次数过多",
        StepText::Refused => "被拒绝",
        StepText::NetworkError => "网络错误",
        StepText::NoAnswerInTime => "没有及时响应",
        StepText::ServerSaid => "“{value}”",
        StepText::LineTooLong => "一行文字比任何邮件服务器发送的都长",
        StepText::BinaryData => "二进制数据，不是文本",
        StepText::ServerClosed => "服务器关闭了连接",
        StepText::IncompleteThenSilence => "一行未完的文字，然后没有响应",
        StepText::Silence => "没有响应",
        StepText::ReplyTooLong => "响应超过 64 KiB",
        StepText::CapabilityTooLong => "一项功能超过 256 个字符",
        StepText::TooManyCapabilities => "超过 256 项功能",
        StepText::NoCompleteAnswer => "没有完整的响应",
        StepText::CouldNotSendStarttls => "无法发送 STARTTLS",
        StepText::BytesIgnored => "已忽略加密前传来的 {count} 字节",
        StepText::TlsValid => "{version}，证书有效",
        StepText::TlsVersion => "{version}",
        StepText::TlsFailed => "无法建立加密连接",
        StepText::BeforeTls => "加密前；登录方式：{auth}",
        StepText::BeforeTlsStarttls => "加密前，提供 STARTTLS；登录方式：{auth}",
        StepText::AfterTls => "加密后；登录方式：{auth}",
        StepText::NoSignIn => "没有提供",
        StepText::SignInAfterStarttls => "在 STARTTLS 加密连接之后才提供",
    }
}

//! 繁體中文訊息，以台灣用語寫成；香港用語的差異見 `zh_hant_regions.rs`。大括號內的名稱由引擎填入。

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
        security_none: "不加密",
        terms: super::term_table!(term),
        months: [
            "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
        ],
        date: "{year}年{month}{day}日",
        list_separator: "、",
        list_last: "、",
    },
    ui: Ui {
        language: "語言",
        incoming: "內送郵件",
        outgoing: "外寄郵件",
        choose: "請選擇…",
        paste: "或在此貼上您的設定",
        fix_all: "全部修正",
        test_connection: "測試連線",
        testing: "正在測試連線…",
        problems: Plural {
            one: "有 {count} 個問題需要留意。",
            other: "有 {count} 個問題需要留意。",
        },
        no_problems: "沒有發現問題。",
        unavailable: "暫時無法檢查。您輸入的內容已保留。",
        reload: "重新載入檢查工具",
        probe_ok: "「{server}」有回應。",
        probe_failed: "「{server}」的回應不如預期。",
        probe_unreachable: "無法進行連線測試。請檢查上面的設定，或稍後再試。",
        probe_timeout: "連線測試時間過長，已停止。請稍後再試。",
        probe_needs_server: "請先填寫伺服器及連接埠。",
        step_line: "{mark} {step}：{detail}（{ms} 毫秒）",
        copy_summary: "複製摘要",
        copied: "已複製：請貼到您給客服的訊息中。",
        summary_title: "所輸入的郵件設定",
        summary_findings: "檢查結果：",
        summary_line: "{field}：{value}",
        yes: "是",
        no: "否",
        discovery_found: "{domain} 的郵件由 {provider} 處理（{source}）。",
        discovery_no_provider: "{domain} 沒有公布 maillint 認得的郵件設定。",
        discovery_failed: "無法查詢 {domain}。",
        source_autoconfig: "其設定檔",
        source_mx: "MX 記錄",
        source_ispdb: "Thunderbird 的服務供應商清單",
        source_srv: "SRV 記錄",
        discovery_oauth: "郵件程式可在該服務供應商自家的登入頁面登入（OAuth）。",
    },
    #[cfg(feature = "probe")]
    step,
};

const fn term(t: Term) -> &'static str {
    match t {
        Term::AppPassword => "應用程式專用密碼",
        Term::AuthorizationCode => "授權碼",
        Term::NoSuchName => "此名稱不存在",
        Term::NullMx => "它公布了空的 MX 記錄",
        Term::NoMxNoAddress => "它既沒有 MX 記錄，也沒有位址",
        Term::AppPasswordApple => "App 專用密碼",
        Term::NeedAlways => "在這家服務供應商，郵件程式一律要用它，帳戶密碼在郵件程式中無效。",
        Term::NeedWithTwoStep => {
            "啟用兩步驟驗證後，郵件程式就要用它，帳戶密碼在郵件程式中不再有效。"
        }
        Term::NeedCode => "請先在網頁版信箱的設定中開啟 IMAP/SMTP 服務，授權碼也在那裡產生。",
        Term::NeedCodeAt => "請在網頁版信箱中開啟 IMAP/SMTP 服務並產生授權碼：「{where}」。",
        Term::Spaces => "空格",
        Term::Invisible => "看不見的字元",
        Term::SpacesAndInvisible => "空格和看不見的字元",
        Term::NotFilledIn => "尚未填寫",
        Term::NotChosen => "尚未選擇",
        Term::FillIn => "填寫",
        Term::Choose => "選擇",
        Term::SignInOnly => "{provider} 只接受 {account} 登入",
        Term::SignInOffered => "{provider} 支援 {account} 登入",
        Term::PasswordRefused => "密碼無法登入，應用程式專用密碼也不行：{provider} 自{date}起已不再接受郵件程式以密碼登入。",
        Term::PasswordRefusedFor => "{protocol} 無法以密碼登入，應用程式專用密碼也不行：{provider} 自{date}起已不再接受。",
        Term::PasswordEnding => "{provider} 已公布停止接受密碼登入的日期，伺服器欄位的提醒寫明了日期。",
        Term::PasswordFrom => "自{date}起，{provider} 不再接受郵件程式以密碼登入，應用程式專用密碼也不行。",
        Term::OrAppPasswordAlways => "不支援這種登入方式的郵件程式須使用在 {account} 帳戶安全設定中建立的應用程式專用密碼，帳戶密碼無效。",
        Term::OrAppPasswordTwoStep => "不支援這種登入方式的郵件程式須使用應用程式專用密碼，{account} 要在啟用兩步驟驗證後才提供；帳戶密碼無效。",
        Term::OrPassword => "不支援這種登入方式的郵件程式可用帳戶密碼登入。",
        Term::AppsNamed => "{names} 都支援這種登入方式；舊版本可能需要先更新。",
        Term::AppsUnnamed => "會開啟 {account} 自家登入頁面的郵件程式都用這種方式；舊版本可能需要先更新。",
        Term::EndsForAll => "在那天以後，密碼（包括應用程式專用密碼）將無法登入。",
        Term::EndsByDefault => "在那天以後，除非貴機構的管理員重新開啟密碼登入，否則密碼將無法登入。",
    }
}

const fn field(f: Field) -> &'static str {
    match f {
        Field::Email => "電子郵件地址",
        Field::IncomingProtocol => "帳戶類型",
        Field::IncomingHost => "內送郵件伺服器",
        Field::IncomingPort => "內送連接埠",
        Field::IncomingSecurity => "內送加密方式",
        Field::IncomingUsername => "內送使用者名稱",
        Field::OutgoingHost => "外寄郵件伺服器",
        Field::OutgoingPort => "外寄連接埠",
        Field::OutgoingSecurity => "外寄加密方式",
        Field::OutgoingUsername => "外寄使用者名稱",
        Field::OutgoingAuth => "我的外寄伺服器（SMTP）需要驗證",
    }
}

const fn entry(code: Code) -> Entry {
    match code {
        Code::CommaForDot => e(
            "「{value}」中應為點（.）的地方打成了「{mark}」。",
            "電子郵件地址和伺服器名稱的各部分以點（.）分隔。逗號、分號或頓號「、」很容易誤打，尤其在使用中文輸入法時，會令名稱無效。",
            "改為「{fixed}」",
        ),
        Code::DomainNoMail => e(
            "「{domain}」無法接收郵件：{reason}。",
            "沒有郵件伺服器會為此網域收信，任何設定都無法讓帳戶運作。地址很可能打錯了：請逐字檢查 @ 之後的部分。",
            "",
        ),
        Code::DomainTypo => e(
            "「{value}」看來是 {suggestion} 的拼寫錯誤。",
            "拼錯的名稱並不存在：郵件程式無法連線到拼錯的伺服器，寄往拼錯地址的郵件也會遺失。請對照服務供應商的說明頁面逐字檢查。",
            "改為「{fixed}」",
        ),
        Code::DomainTypoSuspected => e(
            "「{value}」與 {suggestion} 只差一兩個字母。您是否要輸入 {suggestion}？",
            "maillint 不認識這個網域，而它與一個常見網域只差一兩個字母。如果您的地址或伺服器確實如此拼寫，請保留；如果是打錯，拼錯的名稱並不存在，寄往該處的郵件會遺失。",
            "改為「{fixed}」",
        ),
        Code::Fullwidth => e(
            "「{value}」含有全形字元。",
            "中文或日文輸入法打出了「。」「＠」「９」等全形字元。它們看似相同，其實是不同的字元；郵件程式只接受半形字元。",
            "改為「{fixed}」",
        ),
        Code::HostHasPort => e(
            "連接埠 {port} 被打進了伺服器名稱「{value}」之中。",
            "郵件程式另有連接埠欄位。請把連接埠填在該欄，伺服器欄只填名稱。",
            "把連接埠 {port} 移到連接埠欄位",
        ),
        Code::HostHasScheme => e(
            "「{value}」寫成了連結（URL）的形式，不是伺服器名稱。",
            "伺服器欄只需填名稱，例如 mail.example.com；不要加上 https://、imap://、mailto: 或「/」之後的任何內容。",
            "改用「{fixed}」",
        ),
        Code::HostIdn => e(
            "「{value}」是國際化網域名稱，其 ASCII 形式為「{punycode}」。",
            "此名稱有效，但部分郵件程式和手機只接受 ASCII（punycode）形式。如您的程式拒絕此名稱，請改用該形式。",
            "改用「{fixed}」",
        ),
        Code::HostIsEmail => e(
            "「{value}」是電子郵件地址，不是伺服器名稱。",
            "伺服器欄需要填寫服務供應商的郵件伺服器名稱，例如 mail.example.com，而不是您自己的地址。",
            "改用「{fixed}」",
        ),
        Code::HostSingleLabel => e(
            "「{value}」不是完整的伺服器名稱。",
            "網際網路上的伺服器名稱至少包含一個點（.），例如 mail.example.com。單一個字只在部分公司內部網路中有效。",
            "",
        ),
        Code::HostWrongProtocol => e(
            "「{value}」的名稱看來是 {found} 伺服器，但此欄需要 {expected} 伺服器。",
            "收信使用 IMAP 或 POP3，寄信使用 SMTP，服務供應商通常按此為伺服器命名。請檢查內送與外寄伺服器是否對調，以及帳戶類型是否正確。",
            "改用「{fixed}」",
        ),
        Code::InvalidEmail => e(
            "「{value}」不是有效的電子郵件地址。",
            "電子郵件地址的格式為「名稱@網域」，只有一個 @，網域中要有點（.），例如 momo@example.com。",
            "改為「{fixed}」",
        ),
        Code::InvalidHost => e(
            "「{value}」不是有效的伺服器名稱。",
            "伺服器名稱由英文字母、數字和連字號組成，各部分以單一個點（.）分隔，例如 mail.example.com。任何部分都不能留空、不能以連字號開頭或結尾，也不能超過 63 個字元。",
            "改為「{fixed}」",
        ),
        Code::InvalidPort => e(
            "「{value}」不是連接埠號碼。",
            "連接埠是 1 至 65535 的整數。IMAP 使用 993 或 143，POP3 使用 995 或 110，SMTP 使用 465 或 587。",
            "",
        ),
        Code::MissingField => e(
            "「{field}」{state}。",
            "收發郵件需要以上每一項設定。您的服務供應商的說明頁面會列出這些資料。",
            "{action}「{fixed}」",
        ),
        Code::NoEncryption => e(
            "此連線沒有加密。",
            "沒有 SSL/TLS 或 STARTTLS，您的密碼和郵件會以明文在網路上傳送，在任何公共 Wi-Fi 上都可被讀取。許多服務供應商會拒絕這類登入。",
            "改用「{security}」",
        ),
        Code::Placeholder => e(
            "「{value}」是說明頁面上的範例文字，不是真正的設定值。",
            "說明頁面會用 mail.[yourdomain] 或 example.com 之類的文字作示範。請換成您自己的網域，即電子郵件地址中 @ 之後的部分。",
            "改用「{fixed}」",
        ),
        Code::Port25Submission => e(
            "許多網路封鎖了以連接埠 25 寄信。",
            "為防止垃圾郵件，網路服務供應商會在家用、行動及飯店網路封鎖連接埠 25。郵件程式應使用 587 搭配 STARTTLS，或 465 搭配 SSL/TLS 寄信。",
            "改用連接埠 {fixed} 及「{security}」",
        ),
        Code::PortNonstandard => e(
            "連接埠 {port} 不是常用的 {protocol} 連接埠。",
            "常用連接埠為：IMAP 993 及 143，POP3 995 及 110，SMTP 465 及 587。除非服務供應商指定，否則請勿使用此連接埠。",
            "",
        ),
        Code::PortSecurityMismatch => e(
            "連接埠 {port} 應使用「{expected}」，而不是「{found}」。",
            "連接埠 993、995 和 465 一開始便加密（SSL/TLS）；連接埠 143、110、587 和 25 先以明文連線，再以 STARTTLS 轉為加密。搭配錯誤會令連線失敗或停滯。",
            "改用「{expected}」",
        ),
        Code::PortWrongProtocol => e(
            "連接埠 {port} 屬於 {owner}，不是 {protocol}。",
            "每種協定各有其連接埠：IMAP 為 993 及 143，POP3 為 995 及 110，SMTP 為 465 及 587。用錯協定的連接埠，伺服器便無法與郵件程式溝通。",
            "改用連接埠 {fixed}",
        ),
        Code::ProfileBadPlaceholder => e(
            "「{value}」中的佔位符格式錯誤。",
            "郵件程式只會替換拼寫完全正確並以 % 結尾的 %EMAILADDRESS%、%EMAILLOCALPART% 和 %EMAILDOMAIN%；其他寫法會原封不動地顯示給客戶。",
            "",
        ),
        Code::ProfileInvalidHostname => e(
            "「{value}」不是有效的主機名稱。",
            "只寫伺服器名稱：英文字母、數字和連字號，以單一個點分隔，客戶網域的位置用 %EMAILDOMAIN%；不要寫網址、連接埠或底線。",
            "",
        ),
        Code::ProfileMissingElement => e(
            "缺少 <{name}>。",
            "郵件程式會略過缺少 hostname、port 或 socketType 的伺服器；設定檔至少需要一個內送及一個外寄伺服器。",
            "",
        ),
        Code::ProfileOutgoingNotSmtp => e(
            "外寄伺服器的類型是「{value}」，不是 smtp。",
            "寄信使用 SMTP；郵件程式會忽略其他類型的外寄伺服器，以致無法寄信。",
            "",
        ),
        Code::ProfilePortSocketMismatch => e(
            "連接埠 {port} 搭配 socketType「{value}」與標準不符：應使用「{expected}」。",
            "連接埠 993、995 和 465 一開始便加密（SSL）；143、110、587 和 25 先以明文連線（STARTTLS）。搭配錯誤會令每位客戶的連線失敗或停滯。",
            "",
        ),
        Code::ProfileUnknownSocketType => e(
            "socketType「{value}」不是郵件程式認得的值。",
            "此格式只認得 SSL、STARTTLS 和 plain；其他值會令郵件程式捨棄該伺服器。",
            "",
        ),
        Code::ProtocolNotOffered => e(
            "{provider} 不提供 {protocol}。",
            "此網域在 DNS 記錄（SRV）中表明不提供 {protocol}。請選擇 {other}。",
            "改用 {other}",
        ),
        Code::ProviderAppPassword => e(
            "郵件程式登入 {provider} 時要用{term}，而不是您的帳戶密碼。",
            "請在您的 {account} 帳戶安全設定中建立{term}，並在郵件程式要求密碼時輸入它。{need}",
            "",
        ),
        Code::ProviderHostMismatch => e(
            "{provider} 的 {protocol} 伺服器是「{expected}」，不是「{value}」。",
            "{provider} 的地址只能搭配 {provider} 自己的伺服器使用。",
            "改用「{fixed}」",
        ),
        Code::ProviderHostUndocumented => e(
            "{provider} 的 {protocol} 伺服器是「{expected}」；「{value}」不是它公布的名稱。",
            "這個名稱屬於 {provider} 自己的網域，但不是 {provider} 公布給郵件程式使用的伺服器。除非 {provider} 給過您這個名稱，否則請使用公布的伺服器。",
            "改用「{fixed}」",
        ),
        Code::ProviderNoPop => e(
            "{provider} 不提供 POP3。",
            "{provider} 只能以 IMAP 使用。請選擇 IMAP 及伺服器「{host}」。",
            "改用 IMAP 及「{host}」",
        ),
        Code::ProviderPortMismatch => e(
            "{provider} 的 {protocol} 不使用連接埠 {port}。",
            "{provider} 的伺服器只在其說明頁面列出的連接埠上接受連線；其他連接埠會逾時或被拒絕。",
            "改用連接埠 {fixed} 及「{security}」",
        ),
        Code::ProviderSignIn => e(
            "{signin}：請在郵件程式中選擇「使用 {account} 登入」（OAuth）。",
            "{apps}{password}",
            "",
        ),
        Code::SignInPasswordEnding => e(
            "自{date}起，{provider} 將停止接受 {protocol} 的密碼登入：請在此之前於郵件程式中選擇「使用 {account} 登入」（OAuth）。",
            "{after}現在能用的設定屆時會失敗，儘管設定本身沒有任何改變。",
            "",
        ),
        Code::SmtpAuthOff => e(
            "外寄伺服器設定為不登入便寄信。",
            "幾乎所有服務供應商寄信時都要求使用者名稱和密碼。請勾選「我的外寄伺服器（SMTP）需要驗證」。",
            "開啟驗證",
        ),
        Code::SourcesDisagree => e(
            "「{domain}」自己的設定檔指向 {file}，但其 MX 記錄指向 {mx}。",
            "郵件會送到 MX 記錄所指的地方；設定檔很可能是先前的服務供應商留下的。除非服務供應商另有說明，請使用 {mx} 的伺服器，並通知網域的管理者。",
            "",
        ),
        Code::UsernameFullAddressExpected => e(
            "{provider} 要求以完整電子郵件地址作為使用者名稱，而不是「{value}」。",
            "缺少 @ 之後的部分，登入會失敗，看起來就像密碼錯誤一樣。",
            "改用「{fixed}」",
        ),
        Code::UsernameFullAddressSuggested => e(
            "{provider} 的設定頁以完整電子郵件地址作為使用者名稱，而不是「{value}」。",
            "部分較舊的設定清單只列出 @ 之前的部分，所以「{value}」或許仍可使用；如果登入失敗，請改用完整地址。",
            "改用「{fixed}」",
        ),
        Code::UsernameLocalPartExpected => e(
            "{provider} 只需要 @ 之前的部分作為使用者名稱，而不是「{value}」。",
            "此服務供應商只以帳號名稱登入；完整地址在這裡會被視為不存在的使用者。",
            "改用「{fixed}」",
        ),
        Code::UsernameMismatch => e(
            "使用者名稱「{value}」與您的電子郵件地址「{email}」不同。",
            "使用者名稱通常就是您正在設定的地址；差一個字母便會登入失敗。除非服務供應商給了您另一個登入名稱，否則請改正。",
            "改用「{fixed}」",
        ),
        Code::Whitespace => e(
            "「{value}」含有{what}。",
            "從網頁或聊天訊息複製設定時，常會夾帶空格、定位字元、不換行空格、全形空格或零寬字元。郵件伺服器不接受這些字元。",
            "移除{what}：「{fixed}」",
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
            "「{server}」在此連線上沒有提供登入方式。",
            "郵件程式在連線加密後需要登入方式（AUTH 或 LOGIN）；請核對服務供應商提供的連接埠及加密方式。",
            "",
        ),
        ProbeCode::BadResponse => e(
            "「{server}」的回應不像任何郵件伺服器。",
            "回應過長或不是文字。此連接埠可能是其他服務；請檢查連接埠號碼。",
            "",
        ),
        ProbeCode::CertExpired => e(
            "「{server}」的憑證已於 {date} 過期。",
            "郵件程式會拒絕或每次警告過期的憑證。只有服務供應商能更新，請通知他們。",
            "",
        ),
        ProbeCode::CertNameMismatch => e(
            "「{server}」的憑證屬於 {names}，不是這個名稱。",
            "請改用憑證上的其中一個名稱作為伺服器名稱，或向服務供應商查詢。",
            "",
        ),
        ProbeCode::CertSelfSigned => e(
            "「{server}」使用自行簽署的憑證。",
            "郵件程式會警告或拒絕這類憑證。請向服務供應商查詢使用正式憑證的伺服器名稱。",
            "",
        ),
        ProbeCode::CertUntrusted => e(
            "「{server}」的憑證並非由郵件程式信任的機構簽發。",
            "郵件程式會對此連線發出警告。請向服務供應商查詢使用受信任憑證的伺服器名稱。",
            "",
        ),
        ProbeCode::ConnectRefused => e(
            "「{server}」拒絕連線。",
            "伺服器的這個連接埠上沒有提供服務。請檢查連接埠號碼及伺服器名稱。",
            "",
        ),
        ProbeCode::ConnectTimeout => e(
            "「{server}」沒有及時回應。",
            "伺服器或途中的防火牆丟棄了連線；許多網路封鎖連接埠 25。請檢查伺服器名稱及連接埠，或改用服務供應商提供的其他連接埠。",
            "",
        ),
        ProbeCode::DnsNotFound => e(
            "伺服器名稱「{host}」不存在。",
            "請對照服務供應商的說明頁面檢查拼寫。",
            "",
        ),
        ProbeCode::LoginDisabledBeforeTls => e(
            "「{server}」在連線加密前拒絕登入。",
            "請選擇 STARTTLS（或在加密連接埠使用 SSL/TLS），讓郵件程式可以登入。",
            "",
        ),
        ProbeCode::NoGreeting => e(
            "「{server}」接受了連線，但沒有發出問候訊息。",
            "伺服器可能要求一開始便加密（SSL/TLS），或此連接埠是其他服務。請檢查連接埠及加密方式。",
            "",
        ),
        ProbeCode::OauthOnly => e(
            "「{server}」只接受經服務供應商頁面登入（OAuth），密碼無法登入。",
            "伺服器只提供 OAuth 登入方式（XOAUTH2、OAUTHBEARER），所以郵件程式必須使用服務供應商自己的登入方式（例如「使用 Microsoft 登入」），不能用密碼或應用程式專用密碼。",
            "",
        ),
        ProbeCode::PlainExpectedButTls => e(
            "「{server}」在此連接埠要求一開始便加密。",
            "請為此連接埠選擇 SSL/TLS。",
            "",
        ),
        ProbeCode::PortForbidden => e(
            "連線測試不會測試連接埠 {port}。",
            "只會測試郵件連接埠。請檢查連接埠號碼。",
            "",
        ),
        ProbeCode::RateLimited => e(
            "短時間內的連線測試太多。",
            "請等候 {seconds} 秒再試。",
            "",
        ),
        ProbeCode::StarttlsInjection => e(
            "「{server}」在 STARTTLS 回應與加密之間傳送了資料。",
            "這是已知的攻擊手法或伺服器故障；該資料已被忽略。請通知服務供應商。",
            "",
        ),
        ProbeCode::StarttlsNotOffered => e(
            "「{server}」沒有提供 STARTTLS。",
            "沒有它，密碼會以明文在網路上傳送。請在服務供應商提供的加密連接埠使用 SSL/TLS。",
            "",
        ),
        ProbeCode::TargetForbidden => e(
            "連線測試不會連線到「{host}」。",
            "私人、本機及保留位址無法從網際網路測試。請使用服務供應商的公開伺服器名稱。",
            "",
        ),
        ProbeCode::TlsExpectedButPlain => e(
            "「{server}」以明文回應，沒有加密。",
            "請為此連接埠選擇 STARTTLS。",
            "",
        ),
        ProbeCode::TlsTooOld => e(
            "「{server}」只提供舊而不安全的 TLS 版本。",
            "目前的郵件程式會拒絕 TLS 1.0 及 1.1。只有服務供應商能更新伺服器。",
            "",
        ),
        ProbeCode::WrongProtocol => e(
            "「{server}」以 {found} 回應，而不是 {expected}。",
            "此連接埠屬於其他服務。請檢查連接埠號碼及帳戶類型。",
            "",
        ),
    }
}

/// The connection test's steps (maillint-server only).
#[cfg(feature = "probe")]
fn step(s: StepText) -> &'static str {
    match s {
        StepText::Dns => "查詢名稱",
        StepText::Connect => "連線",
        StepText::Tls => "加密",
        StepText::Greeting => "問候訊息",
        StepText::Capabilities => "伺服器功能",
        StepText::Starttls => "STARTTLS",
        StepText::NoAddress => "找不到位址",
        StepText::SpecialAddress => "私人或保留位址",
        StepText::TestedTooOften => "此伺服器測試次數過多",
        StepText::Refused => "被拒絕",
        StepText::NetworkError => "網路錯誤",
        StepText::NoAnswerInTime => "沒有及時回應",
        StepText::ServerSaid => "「{value}」",
        StepText::LineTooLong => "一行文字長於任何郵件伺服器所傳送的",
        StepText::BinaryData => "二進位資料，不是文字",
        StepText::ServerClosed => "伺服器關閉了連線",
        StepText::IncompleteThenSilence => "一行未完的文字，然後沒有回應",
        StepText::Silence => "沒有回應",
        StepText::ReplyTooLong => "回應超過 64 KiB",
        StepText::CapabilityTooLong => "一項功能超過 256 個字元",
        StepText::TooManyCapabilities => "超過 256 項功能",
        StepText::NoCompleteAnswer => "沒有完整的回應",
        StepText::CouldNotSendStarttls => "無法傳送 STARTTLS",
        StepText::BytesIgnored => "已忽略加密前傳來的 {count} 位元組",
        StepText::TlsValid => "{version}，憑證有效",
        StepText::TlsVersion => "{version}",
        StepText::TlsFailed => "無法建立加密連線",
        StepText::BeforeTls => "加密前；登入方式：{auth}",
        StepText::BeforeTlsStarttls => "加密前，提供 STARTTLS；登入方式：{auth}",
        StepText::AfterTls => "加密後；登入方式：{auth}",
        StepText::NoSignIn => "沒有提供",
        StepText::SignInAfterStarttls => "在 STARTTLS 加密連線之後才提供",
    }
}

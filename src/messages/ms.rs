//! Mesej Bahasa Melayu. Nama dalam kurungan kerinting diisi oleh enjin.

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
        security_none: "Tiada",
        terms: super::term_table!(term),
        months: [
            "Januari",
            "Februari",
            "Mac",
            "April",
            "Mei",
            "Jun",
            "Julai",
            "Ogos",
            "September",
            "Oktober",
            "November",
            "Disember",
        ],
        date: "{day} {month} {year}",
        list_separator: ", ",
        list_last: " dan ",
    },
    ui: Ui {
        language: "Bahasa",
        incoming: "Mel masuk",
        outgoing: "Mel keluar",
        choose: "Pilih…",
        paste: "Atau tampal tetapan anda di sini",
        fix_all: "Betulkan semua",
        test_connection: "Uji sambungan",
        testing: "Menguji sambungan…",
        problems: Plural {
            one: "{count} masalah perlu disemak.",
            other: "{count} masalah perlu disemak.",
        },
        no_problems: "Tiada masalah ditemui.",
        unavailable:
            "Semakan tidak tersedia buat masa ini. Apa yang telah anda taip masih disimpan.",
        reload: "Muat semula penyemak",
        probe_ok: "{server} menjawab.",
        probe_failed: "{server} tidak menjawab seperti yang dijangka.",
        probe_unreachable:
            "Ujian sambungan tidak dapat dicapai. Semak tetapan di atas, atau cuba lagi nanti.",
        probe_timeout: "Ujian sambungan terlalu lama dan dihentikan. Cuba lagi nanti.",
        probe_needs_server: "Isi nama pelayan dan port dahulu.",
        step_line: "{mark} {step}: {detail} ({ms} ms)",
        copy_summary: "Salin ringkasan",
        copied: "Disalin: tampalkannya dalam mesej anda kepada khidmat pelanggan.",
        summary_title: "Tetapan mel seperti yang ditaip",
        summary_findings: "Apa yang ditemui penyemak:",
        summary_line: "{field}: {value}",
        yes: "Ya",
        no: "Tidak",
        discovery_found: "Mel untuk {domain} dikendalikan oleh {provider} ({source}).",
        discovery_no_provider: "{domain} tidak menerbitkan tetapan mel yang dikenali maillint.",
        discovery_failed: "Tidak dapat mencari {domain}.",
        source_autoconfig: "fail tetapannya",
        source_mx: "rekod MX",
        source_ispdb: "senarai pembekal Thunderbird",
        source_srv: "rekod SRV",
        discovery_oauth:
            "Program e-mel boleh log masuk di situ dengan log masuk pembekal sendiri (OAuth).",
    },
    #[cfg(feature = "probe")]
    step,
};

const fn term(t: Term) -> &'static str {
    match t {
        Term::AppPassword => "kata laluan khusus apl",
        Term::AuthorizationCode => "kod kebenaran",
        Term::NoSuchName => "nama itu tidak wujud",
        Term::NullMx => "ia menerbitkan rekod MX kosong",
        Term::NoMxNoAddress => "ia tiada rekod MX dan tiada alamat",
        Term::AppPasswordApple => "kata laluan khusus apl",
        Term::NeedAlways => "Di pembekal ini, program e-mel sentiasa memerlukannya: kata laluan akaun tidak berfungsi di situ.",
        Term::NeedWithTwoStep => "Setelah Pengesahan 2 Langkah dihidupkan, program e-mel memerlukannya: kata laluan akaun tidak lagi berfungsi di situ.",
        Term::NeedCode => "Hidupkan IMAP/SMTP dalam tetapan web peti mel dahulu; kod itu dijana di situ.",
        Term::NeedCodeAt => "Hidupkan IMAP/SMTP dalam tetapan web peti mel dan jana kod itu di situ: “{where}”.",
        Term::Spaces => "ruang",
        Term::Invisible => "aksara tersembunyi",
        Term::SpacesAndInvisible => "ruang dan aksara tersembunyi",
        Term::NotFilledIn => "masih kosong",
        Term::NotChosen => "belum dipilih",
        Term::FillIn => "Isikan",
        Term::Choose => "Pilih",
        Term::SignInOnly => "{provider} hanya menerima log masuk {account}",
        Term::SignInOffered => "{provider} menawarkan log masuk {account}",
        Term::PasswordRefused => "Kata laluan tidak akan berfungsi, walaupun kata laluan khusus apl: {provider} telah menolaknya daripada program e-mel sejak {date}.",
        Term::PasswordRefusedFor => "Untuk {protocol}, kata laluan tidak akan berfungsi, walaupun kata laluan khusus apl: {provider} telah menolaknya sejak {date}.",
        Term::PasswordEnding => "{provider} telah mengumumkan tarikh kata laluan berhenti berfungsi di sini; amaran pada pelayan menyatakan tarikhnya.",
        Term::PasswordFrom => "Mulai {date}, {provider} tidak menerima kata laluan daripada program e-mel, walaupun kata laluan khusus apl.",
        Term::OrAppPasswordAlways => "Program yang tidak menawarkannya log masuk dengan kata laluan khusus apl yang dicipta dalam tetapan keselamatan akaun {account} anda, bukan dengan kata laluan akaun.",
        Term::OrAppPasswordTwoStep => "Program yang tidak menawarkannya memerlukan kata laluan khusus apl, yang ditawarkan oleh {account} setelah Pengesahan 2 Langkah dihidupkan; kata laluan akaun tidak berfungsi.",
        Term::OrPassword => "Program yang tidak menawarkannya log masuk dengan kata laluan akaun anda.",
        Term::AppsNamed => "{names} menawarkannya; versi lama mungkin perlu dikemas kini dahulu.",
        Term::AppsUnnamed => "Program yang membuka halaman log masuk {account} sendiri menggunakannya; versi lama mungkin perlu dikemas kini dahulu.",
        Term::EndsForAll => "Selepas tarikh itu, kata laluan, walaupun kata laluan khusus apl, tidak lagi boleh log masuk.",
        Term::EndsByDefault => "Selepas tarikh itu, kata laluan tidak lagi boleh log masuk melainkan pentadbir organisasi anda menghidupkan semula log masuk dengan kata laluan.",
    }
}

const fn field(f: Field) -> &'static str {
    match f {
        Field::Email => "Alamat e-mel",
        Field::IncomingProtocol => "Jenis akaun",
        Field::IncomingHost => "Pelayan mel masuk",
        Field::IncomingPort => "Port masuk",
        Field::IncomingSecurity => "Penyulitan mel masuk",
        Field::IncomingUsername => "Nama pengguna masuk",
        Field::OutgoingHost => "Pelayan mel keluar",
        Field::OutgoingPort => "Port keluar",
        Field::OutgoingSecurity => "Penyulitan mel keluar",
        Field::OutgoingUsername => "Nama pengguna keluar",
        Field::OutgoingAuth => "Pelayan keluar saya (SMTP) memerlukan pengesahan",
    }
}

const fn entry(code: Code) -> Entry {
    match code {
        Code::CommaForDot => e(
            "“{value}” mempunyai “{mark}” di tempat yang sepatutnya titik (.).",
            "Alamat dan nama pelayan menggunakan titik (.) di antara bahagiannya. Koma, koma bertitik atau koma senarai Cina 、 mudah tertaip, terutamanya dengan kaedah input Cina, dan menjadikan nama itu tidak sah.",
            "Tukar kepada “{fixed}”",
        ),
        Code::DomainNoMail => e(
            "“{domain}” tidak menerima mel: {reason}.",
            "Tiada pelayan mel akan menerima mel untuk domain ini, jadi tiada tetapan yang boleh menjadikan akaun ini berfungsi. Alamat itu mungkin tersalah taip: semak bahagian selepas @ huruf demi huruf.",
            "",
        ),
        Code::DomainTypo => e(
            "“{value}” kelihatan seperti salah ejaan {suggestion}.",
            "Nama yang salah eja tidak wujud: program e-mel tidak dapat menyambung ke pelayan yang salah eja, dan mel yang dihantar ke alamat yang salah eja akan hilang. Bandingkannya huruf demi huruf dengan halaman bantuan pembekal anda.",
            "Tukar kepada “{fixed}”",
        ),
        Code::DomainTypoSuspected => e(
            "“{value}” dieja hampir sama dengan {suggestion}. Adakah anda maksudkan {suggestion}?",
            "maillint tidak mengenali domain ini, dan ejaannya hanya berbeza satu atau dua huruf daripada domain yang terkenal. Jika alamat atau pelayan anda memang dieja begini, biarkan; jika tersilap taip, nama yang salah eja tidak wujud dan mel yang dihantar kepadanya akan hilang.",
            "Tukar kepada “{fixed}”",
        ),
        Code::Fullwidth => e(
            "“{value}” mengandungi aksara lebar penuh.",
            "Kaedah input Cina atau Jepun menaip bentuk lebar penuh seperti 。 ＠ atau ９. Ia kelihatan sama tetapi merupakan aksara yang berbeza; program e-mel memerlukan aksara biasa.",
            "Tukar kepada “{fixed}”",
        ),
        Code::HostHasPort => e(
            "Port {port} ditaip di dalam nama pelayan “{value}”.",
            "Program e-mel mempunyai medan port yang berasingan. Letakkan port di situ dan hanya nama dalam medan pelayan.",
            "Pindahkan port {port} ke medan port",
        ),
        Code::HostHasScheme => e(
            "“{value}” ditulis sebagai pautan (URL), bukan sebagai nama pelayan.",
            "Medan pelayan memerlukan nama sahaja, seperti mail.example.com: buang https://, imap://, mailto: dan apa-apa selepas /.",
            "Gunakan “{fixed}”",
        ),
        Code::HostIdn => e(
            "“{value}” ialah nama antarabangsa; bentuk ASCII bagi nama ini ialah “{punycode}”.",
            "Nama ini sah, tetapi sesetengah program e-mel dan telefon hanya menerima bentuk ASCII (punycode). Gunakannya jika program anda menolak nama itu.",
            "Gunakan “{fixed}”",
        ),
        Code::HostIsEmail => e(
            "“{value}” ialah alamat e-mel, bukan nama pelayan.",
            "Medan pelayan memerlukan nama pelayan mel pembekal anda, seperti mail.example.com, bukan alamat anda sendiri.",
            "Gunakan “{fixed}”",
        ),
        Code::HostSingleLabel => e(
            "“{value}” bukan nama pelayan yang lengkap.",
            "Nama pelayan di internet mempunyai sekurang-kurangnya satu titik, seperti mail.example.com. Satu perkataan sahaja hanya berfungsi dalam sesetengah rangkaian syarikat.",
            "",
        ),
        Code::HostWrongProtocol => e(
            "Nama “{value}” kelihatan seperti pelayan {found}, tetapi medan ini memerlukan pelayan {expected}.",
            "Mel diterima melalui IMAP atau POP3 dan dihantar melalui SMTP, dan pembekal menamakan pelayan mereka begitu. Pastikan pelayan masuk dan keluar tidak tertukar dan jenis akaun betul.",
            "Gunakan “{fixed}”",
        ),
        Code::InvalidEmail => e(
            "“{value}” bukan alamat e-mel yang sah.",
            "Alamat berbentuk nama@domain, dengan satu @ sahaja dan domain yang mempunyai titik, seperti momo@example.com.",
            "Tukar kepada “{fixed}”",
        ),
        Code::InvalidHost => e(
            "“{value}” bukan nama pelayan yang sah.",
            "Nama pelayan terdiri daripada huruf, digit dan tanda sempang, dipisahkan oleh satu titik (seperti mail.example.com). Tiada bahagian boleh kosong, bermula atau berakhir dengan sempang, atau melebihi 63 aksara.",
            "Tukar kepada “{fixed}”",
        ),
        Code::InvalidPort => e(
            "“{value}” bukan nombor port.",
            "Port ialah nombor bulat dari 1 hingga 65535. Mel menggunakan 993 atau 143 untuk IMAP, 995 atau 110 untuk POP3, dan 465 atau 587 untuk SMTP.",
            "",
        ),
        Code::MissingField => e(
            "{field} {state}.",
            "Setiap tetapan ini diperlukan untuk menghantar dan menerima mel. Halaman bantuan pembekal anda menyenaraikannya.",
            "{action} “{fixed}”",
        ),
        Code::NoEncryption => e(
            "Sambungan ini tidak disulitkan.",
            "Tanpa SSL/TLS atau STARTTLS, kata laluan dan mel anda melalui rangkaian dalam teks biasa, boleh dibaca di mana-mana Wi-Fi awam. Banyak pembekal menolak log masuk sebegini.",
            "Gunakan “{security}”",
        ),
        Code::Placeholder => e(
            "“{value}” ialah teks contoh daripada halaman bantuan, bukan nilai sebenar.",
            "Halaman bantuan menulis pemegang tempat seperti mail.[yourdomain] atau example.com. Gantikannya dengan domain anda sendiri: bahagian alamat e-mel anda selepas @.",
            "Gunakan “{fixed}”",
        ),
        Code::Port25Submission => e(
            "Port 25 disekat untuk menghantar mel di banyak rangkaian.",
            "Penyedia internet menyekat port 25 di rangkaian rumah, mudah alih dan hotel untuk menghalang spam. Program e-mel menghantar melalui 587 dengan STARTTLS atau 465 dengan SSL/TLS.",
            "Gunakan port {fixed} dengan “{security}”",
        ),
        Code::PortNonstandard => e(
            "Port {port} bukan port {protocol} yang biasa.",
            "Port biasa ialah 993 dan 143 untuk IMAP, 995 dan 110 untuk POP3, 465 dan 587 untuk SMTP. Kekalkan port ini hanya jika pembekal anda memberikannya.",
            "",
        ),
        Code::PortSecurityMismatch => e(
            "Port {port} menggunakan “{expected}”, bukan “{found}”.",
            "Port 993, 995 dan 465 disulitkan dari mula (SSL/TLS); port 143, 110, 587 dan 25 bermula dalam teks biasa dan bertukar dengan STARTTLS. Pasangan yang salah menyebabkan sambungan gagal atau tergantung.",
            "Gunakan “{expected}”",
        ),
        Code::PortWrongProtocol => e(
            "Port {port} adalah untuk {owner}, bukan {protocol}.",
            "Setiap protokol mempunyai port sendiri: 993 dan 143 untuk IMAP, 995 dan 110 untuk POP3, 465 dan 587 untuk SMTP. Pada port protokol lain, pelayan tidak memahami program e-mel.",
            "Gunakan port {fixed}",
        ),
        Code::ProfileBadPlaceholder => e(
            "“{value}” mempunyai pemegang tempat yang rosak.",
            "Klien mel hanya menggantikan %EMAILADDRESS%, %EMAILLOCALPART% dan %EMAILDOMAIN%, dieja tepat dan ditutup dengan %; yang lain sampai kepada pelanggan sebagai teks biasa.",
            "",
        ),
        Code::ProfileInvalidHostname => e(
            "“{value}” bukan nama hos yang sah.",
            "Tulis nama pelayan sahaja, huruf, digit dan sempang di antara titik tunggal, dengan %EMAILDOMAIN% di tempat domain pelanggan; tanpa URL, port atau garis bawah.",
            "",
        ),
        Code::ProfileMissingElement => e(
            "<{name}> tiada.",
            "Klien melangkau pelayan tanpa hostname, port dan socketType, dan profil memerlukan sekurang-kurangnya satu pelayan masuk dan satu pelayan keluar.",
            "",
        ),
        Code::ProfileOutgoingNotSmtp => e(
            "Pelayan keluar berjenis “{value}”, bukan smtp.",
            "Mel dihantar melalui SMTP; klien mengabaikan pelayan keluar jenis lain dan kemudian tidak dapat menghantar.",
            "",
        ),
        Code::ProfilePortSocketMismatch => e(
            "Port {port} dengan socketType “{value}” bercanggah dengan piawai: gunakan “{expected}”.",
            "Port 993, 995 dan 465 ialah TLS tersirat (SSL); 143, 110, 587 dan 25 bermula dalam teks biasa (STARTTLS). Pasangan yang salah menyebabkan sambungan setiap pelanggan gagal atau tergantung.",
            "",
        ),
        Code::ProfileUnknownSocketType => e(
            "socketType “{value}” bukan nilai yang dikenali klien.",
            "Format ini hanya mengenali SSL, STARTTLS dan plain; klien membuang pelayan dengan nilai lain.",
            "",
        ),
        Code::ProtocolNotOffered => e(
            "{provider} tidak menawarkan {protocol}.",
            "Domain ini menyatakan dalam rekod DNS (SRV) bahawa {protocol} tidak ditawarkan. Pilih {other}.",
            "Tukar kepada {other}",
        ),
        Code::ProviderAppPassword => e(
            "Program e-mel log masuk ke {provider} dengan {term}, bukan dengan kata laluan akaun anda.",
            "Cipta {term} dalam tetapan keselamatan akaun {account} anda dan taipkannya apabila program e-mel meminta kata laluan. {need}",
            "",
        ),
        Code::ProviderHostMismatch => e(
            "{provider} menggunakan “{expected}” untuk {protocol}, bukan “{value}”.",
            "Alamat {provider} hanya berfungsi dengan pelayan {provider} sendiri.",
            "Gunakan “{fixed}”",
        ),
        Code::ProviderHostUndocumented => e(
            "{provider} menyatakan “{expected}” untuk {protocol}; “{value}” bukan nama yang diterbitkannya.",
            "Nama ini di bawah domain {provider} sendiri, tetapi bukan antara pelayan yang disyorkan oleh {provider} untuk program e-mel. Melainkan {provider} memberi anda nama ini, gunakan nama yang dinyatakan.",
            "Gunakan “{fixed}”",
        ),
        Code::ProviderNoPop => e(
            "{provider} tidak menyokong POP3.",
            "{provider} hanya boleh digunakan dengan IMAP. Pilih IMAP dan pelayan “{host}”.",
            "Tukar kepada IMAP dengan “{host}”",
        ),
        Code::ProviderPortMismatch => e(
            "{provider} tidak menggunakan port {port} untuk {protocol}.",
            "Pelayan {provider} hanya menerima sambungan pada port yang disenaraikan dalam halaman bantuannya; port lain tamat masa atau ditolak.",
            "Gunakan port {fixed} dengan “{security}”",
        ),
        Code::ProviderSignIn => e(
            "{signin}: dalam program e-mel anda, pilih “Log masuk dengan {account}” (OAuth).",
            "{apps} {password}",
            "",
        ),
        Code::SignInPasswordEnding => e(
            "Mulai {date}, {provider} berhenti menerima kata laluan untuk {protocol}: pilih “Log masuk dengan {account}” (OAuth) dalam program e-mel anda sebelum itu.",
            "{after} Tetapan yang berfungsi hari ini akan gagal pada masa itu, walaupun tiada apa-apa di dalamnya yang berubah.",
            "",
        ),
        Code::SmtpAuthOff => e(
            "Pelayan keluar ditetapkan untuk menghantar tanpa log masuk.",
            "Hampir semua pembekal memerlukan nama pengguna dan kata laluan anda untuk menghantar. Tandakan “Pelayan keluar saya (SMTP) memerlukan pengesahan”.",
            "Hidupkan pengesahan",
        ),
        Code::SourcesDisagree => e(
            "Fail tetapan “{domain}” sendiri menamakan {file}, tetapi rekod MX domain itu menghala ke {mx}.",
            "Mel untuk domain ini pergi ke tempat yang ditunjukkan oleh rekod MX; fail tetapan itu mungkin tinggalan pembekal terdahulu. Gunakan pelayan {mx} melainkan pembekal anda menyatakan sebaliknya, dan beritahu pengendali domain itu.",
            "",
        ),
        Code::UsernameFullAddressExpected => e(
            "{provider} memerlukan alamat e-mel penuh anda sebagai nama pengguna, bukan “{value}”.",
            "Tanpa bahagian selepas @, log masuk gagal seolah-olah kata laluan salah.",
            "Gunakan “{fixed}”",
        ),
        Code::UsernameFullAddressSuggested => e(
            "Halaman tetapan {provider} memberikan alamat e-mel penuh anda sebagai nama pengguna, bukan “{value}”.",
            "Sesetengah senarai tetapan yang lebih lama hanya memberikan bahagian sebelum @, jadi “{value}” mungkin masih berfungsi; jika log masuk gagal, gunakan alamat penuh.",
            "Gunakan “{fixed}”",
        ),
        Code::UsernameLocalPartExpected => e(
            "{provider} hanya memerlukan bahagian sebelum @ sebagai nama pengguna, bukan “{value}”.",
            "Di pembekal ini, anda log masuk dengan nama akaun sahaja; alamat penuh tidak dikenali sebagai pengguna di situ.",
            "Gunakan “{fixed}”",
        ),
        Code::UsernameMismatch => e(
            "Nama pengguna “{value}” bukan alamat e-mel anda “{email}”.",
            "Nama pengguna biasanya alamat yang sedang anda sediakan; satu huruf tersilap menyebabkan log masuk gagal. Kekalkannya hanya jika pembekal anda memberi log masuk yang berbeza.",
            "Gunakan “{fixed}”",
        ),
        Code::Whitespace => e(
            "“{value}” mengandungi {what}.",
            "Ruang, tab, ruang tidak putus atau lebar penuh dan aksara lebar sifar turut tersalin apabila tetapan disalin dari halaman web atau sembang. Pelayan mel tidak menerimanya.",
            "Buang {what}: “{fixed}”",
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
            "“{server}” tidak menawarkan cara log masuk pada sambungan ini.",
            "Program e-mel memerlukan kaedah log masuk (AUTH atau LOGIN) selepas sambungan dilindungi; semak port dan SSL yang diberi pembekal anda.",
            "",
        ),
        ProbeCode::BadResponse => e(
            "“{server}” menjawab dengan sesuatu yang tidak dihantar oleh pelayan mel.",
            "Jawapan terlalu panjang atau bukan teks. Port ini mungkin digunakan oleh perkhidmatan lain; semak nombor port.",
            "",
        ),
        ProbeCode::CertExpired => e(
            "Sijil “{server}” tamat tempoh pada {date}.",
            "Program e-mel menolak sijil yang tamat tempoh, atau memberi amaran setiap kali. Hanya pembekal boleh memperbaharuinya; beritahu mereka.",
            "",
        ),
        ProbeCode::CertNameMismatch => e(
            "Sijil “{server}” adalah untuk {names}, bukan nama ini.",
            "Gunakan salah satu nama pada sijil sebagai nama pelayan, atau tanya pembekal anda.",
            "",
        ),
        ProbeCode::CertSelfSigned => e(
            "“{server}” menggunakan sijil yang ditandatangani sendiri.",
            "Program e-mel memberi amaran atau menolak sijil sebegini. Tanya pembekal anda nama pelayan dengan sijil yang betul.",
            "",
        ),
        ProbeCode::CertUntrusted => e(
            "Sijil “{server}” tidak dikeluarkan oleh pihak berkuasa yang dipercayai program e-mel.",
            "Program e-mel akan memberi amaran tentang sambungan ini. Tanya pembekal anda nama pelayan dengan sijil yang dipercayai.",
            "",
        ),
        ProbeCode::ConnectRefused => e(
            "“{server}” menolak sambungan.",
            "Tiada perkhidmatan pada port pelayan ini. Semak nombor port dan nama pelayan.",
            "",
        ),
        ProbeCode::ConnectTimeout => e(
            "“{server}” tidak menjawab dalam masa.",
            "Pelayan atau tembok api di laluan membuang sambungan; banyak rangkaian menyekat port 25. Semak nama pelayan dan port, atau cuba port lain yang ditawarkan pembekal.",
            "",
        ),
        ProbeCode::DnsNotFound => e(
            "Nama pelayan “{host}” tidak wujud.",
            "Semak ejaannya dengan halaman bantuan pembekal anda.",
            "",
        ),
        ProbeCode::LoginDisabledBeforeTls => e(
            "“{server}” enggan log masuk sebelum sambungan disulitkan.",
            "Pilih STARTTLS (atau SSL/TLS pada port tersulit) supaya program e-mel boleh log masuk.",
            "",
        ),
        ProbeCode::NoGreeting => e(
            "“{server}” menerima sambungan tetapi tidak menghantar ucapan.",
            "Pelayan mungkin menjangka penyulitan dari mula (SSL/TLS), atau port ini digunakan oleh perkhidmatan lain. Semak port dan SSL.",
            "",
        ),
        ProbeCode::OauthOnly => e(
            "“{server}” hanya menerima log masuk melalui halaman pembekal (OAuth): kata laluan tidak akan berfungsi.",
            "Pelayan hanya menawarkan kaedah OAuth (XOAUTH2, OAUTHBEARER), jadi program e-mel mesti log masuk dengan log masuk pembekal sendiri (contohnya “Log masuk dengan Microsoft”), bukan dengan kata laluan atau kata laluan khusus apl.",
            "",
        ),
        ProbeCode::PlainExpectedButTls => e(
            "“{server}” menjangka penyulitan dari mula pada port ini.",
            "Pilih SSL/TLS untuk port ini.",
            "",
        ),
        ProbeCode::PortForbidden => e(
            "Port {port} bukan port yang diuji oleh ujian sambungan.",
            "Hanya port mel diuji. Semak nombor port.",
            "",
        ),
        ProbeCode::RateLimited => e(
            "Terlalu banyak ujian sambungan dalam masa singkat.",
            "Tunggu {seconds} saat dan cuba lagi.",
            "",
        ),
        ProbeCode::StarttlsInjection => e(
            "“{server}” menghantar data antara jawapan STARTTLS dan penyulitan.",
            "Ini serangan yang diketahui atau pelayan yang rosak; data itu diabaikan. Beritahu pembekal anda.",
            "",
        ),
        ProbeCode::StarttlsNotOffered => e(
            "“{server}” tidak menawarkan STARTTLS.",
            "Tanpanya kata laluan melalui rangkaian dalam teks biasa. Gunakan SSL/TLS pada port tersulit yang diberi pembekal anda.",
            "",
        ),
        ProbeCode::TargetForbidden => e(
            "Ujian sambungan tidak menyambung ke “{host}”.",
            "Alamat peribadi, setempat dan terpelihara tidak boleh diuji dari internet. Gunakan nama pelayan awam pembekal anda.",
            "",
        ),
        ProbeCode::TlsExpectedButPlain => e(
            "“{server}” menjawab dalam teks biasa, bukan dengan penyulitan.",
            "Pilih STARTTLS untuk port ini.",
            "",
        ),
        ProbeCode::TlsTooOld => e(
            "“{server}” hanya menawarkan versi TLS lama yang tidak selamat.",
            "Program e-mel semasa menolak TLS 1.0 dan 1.1. Hanya pembekal boleh mengemas kini pelayan.",
            "",
        ),
        ProbeCode::WrongProtocol => e(
            "“{server}” menjawab sebagai {found}, bukan {expected}.",
            "Port ini milik perkhidmatan lain. Semak nombor port dan jenis akaun.",
            "",
        ),
    }
}

/// The connection test's steps (maillint-server only).
#[cfg(feature = "probe")]
fn step(s: StepText) -> &'static str {
    match s {
        StepText::Dns => "carian nama",
        StepText::Connect => "sambungan",
        StepText::Tls => "penyulitan",
        StepText::Greeting => "ucapan pelayan",
        StepText::Capabilities => "keupayaan pelayan",
        StepText::Starttls => "STARTTLS",
        StepText::NoAddress => "tiada alamat ditemui",
        StepText::SpecialAddress => "alamat peribadi atau terpelihara",
        StepText::TestedTooOften => "pelayan ini telah diuji terlalu kerap",
        StepText::Refused => "ditolak",
        StepText::NetworkError => "ralat rangkaian",
        StepText::NoAnswerInTime => "tiada jawapan dalam masa",
        StepText::ServerSaid => "“{value}”",
        StepText::LineTooLong => {
            "baris yang lebih panjang daripada yang dihantar oleh mana-mana pelayan mel"
        }
        StepText::BinaryData => "data binari, bukan teks",
        StepText::ServerClosed => "pelayan menutup sambungan",
        StepText::IncompleteThenSilence => "baris yang tidak lengkap, kemudian senyap",
        StepText::Silence => "senyap",
        StepText::ReplyTooLong => "jawapan melebihi 64 KiB",
        StepText::CapabilityTooLong => "keupayaan melebihi 256 aksara",
        StepText::TooManyCapabilities => "lebih daripada 256 keupayaan",
        StepText::NoCompleteAnswer => "tiada jawapan yang lengkap",
        StepText::CouldNotSendStarttls => "STARTTLS tidak dapat dihantar",
        StepText::BytesIgnored => "{count} bait yang dihantar sebelum penyulitan diabaikan",
        StepText::TlsValid => "{version}, sijil sah",
        StepText::TlsVersion => "{version}",
        StepText::TlsFailed => "penyulitan tidak dapat diwujudkan",
        StepText::BeforeTls => "sebelum penyulitan; log masuk: {auth}",
        StepText::BeforeTlsStarttls => "sebelum penyulitan, STARTTLS ditawarkan; log masuk: {auth}",
        StepText::AfterTls => "selepas penyulitan; log masuk: {auth}",
        StepText::NoSignIn => "tiada kaedah ditawarkan",
        StepText::SignInAfterStarttls => {
            "ditawarkan selepas STARTTLS, setelah sambungan dilindungi"
        }
    }
}

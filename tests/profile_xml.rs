//! The two XML readers of `config-v1.1.xml` read every file alike. The package reads with
//! the browser's `DOMParser`, the native build with roxmltree; `tests/profile_xml.json`
//! holds, for every profile text the tests use (each fixture's, the sample profiles, and the
//! edge cases below), what the engine reads from it. This test writes nothing: it checks
//! that the native reading matches the file and that the file lists every case (run with
//! `MAILLINT_BLESS=1` to rewrite it after adding one); `tests/wasm.rs` checks the browser's
//! reading against the same file in Chromium.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{read_profile as reading, rebuild};
use serde_json::{json, Value};

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/profile_xml.json");

const SERVER: &str = "<incomingServer type=\"imap\"><hostname>mail.chan.hk</hostname><port>993</port><socketType>SSL</socketType></incomingServer>";

/// Texts where two XML parsers could part ways: entities, CDATA, comments and processing
/// instructions inside and between elements, quoting, namespaces, line ends, and broken or
/// hostile files.
fn edge_cases() -> Vec<(&'static str, String)> {
    let wrap = |inner: &str| {
        format!("<clientConfig version=\"1.1\"><emailProvider id=\"x\">{inner}</emailProvider></clientConfig>")
    };
    vec![
        ("entities", wrap("<domain>chan&#x2E;hk</domain><incomingServer type=\"imap\"><hostname>mail.a&amp;b.hk</hostname><port>&#57;93</port></incomingServer>")),
        ("cdata", wrap("<incomingServer type=\"imap\"><hostname><![CDATA[mail.chan.hk]]></hostname><port>99<![CDATA[3]]></port></incomingServer>")),
        ("comment inside text", wrap("<incomingServer type=\"imap\"><hostname>mail.<!-- the host -->chan.hk</hostname></incomingServer>")),
        ("processing instruction inside text", wrap("<incomingServer type=\"imap\"><hostname>mail.<?note here?>chan.hk</hostname></incomingServer>")),
        ("tags in a comment", format!("<?xml version=\"1.0\"?>\n<clientConfig>\n<!-- <emailProvider>\n<incomingServer type=\"pop3\"> -->\n<emailProvider>\n{SERVER}\n</emailProvider>\n</clientConfig>")),
        ("a > in an attribute", wrap("<incomingServer type=\"imap\" note=\"a>b\" other='c\"d'>\n<hostname>mail.chan.hk</hostname>\n</incomingServer>")),
        ("single quotes and spaces", "<clientConfig ><emailProvider  id = 'x' >\n<incomingServer\n  type = 'imap'\n>\n<hostname >mail.chan.hk</hostname >\n</incomingServer>\n</emailProvider></clientConfig >".to_string()),
        ("CRLF line ends", format!("<?xml version=\"1.0\"?>\r\n<clientConfig>\r\n<emailProvider>\r\n<domain>\r\nchan.hk\r\n</domain>\r\n{SERVER}\r\n</emailProvider>\r\n</clientConfig>\r\n")),
        ("a byte order mark", format!("\u{feff}<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<clientConfig><emailProvider>{SERVER}</emailProvider></clientConfig>")),
        ("a default namespace", format!("<clientConfig xmlns=\"http://example.com/autoconfig\"><emailProvider>{SERVER}</emailProvider></clientConfig>")),
        ("a namespace prefix", "<c:clientConfig xmlns:c=\"http://example.com/c\"><c:emailProvider><c:incomingServer type=\"imap\"><c:hostname>mail.chan.hk</c:hostname></c:incomingServer></c:emailProvider></c:clientConfig>".to_string()),
        ("unknown elements around and inside", format!("<clientConfig><documentation><a><b/></a></documentation><emailProvider><x><y>1</y></x>\n{SERVER}<incomingServer type=\"pop3\"><hostname>pop.chan.hk<extra>z</extra></hostname><deeper><hostname>no</hostname></deeper></incomingServer></emailProvider></clientConfig>")),
        ("two providers", format!("<clientConfig><emailProvider><domain>first.hk</domain></emailProvider><emailProvider>{SERVER}</emailProvider></clientConfig>")),
        ("the provider after other elements", format!("<clientConfig>\n<webMail/>\n<emailProvider>\n<displayName>  陳記 郵件  </displayName>\n{SERVER}\n</emailProvider>\n</clientConfig>")),
        ("names and text in other scripts", wrap("<名前>值</名前><displayName>Syarikat Émail 郵件</displayName><incomingServer type=\"IMAP\"><hostname>郵件.香港</hostname></incomingServer>")),
        ("several authentications", wrap("<outgoingServer type=\"smtp\"><hostname>smtp.chan.hk</hostname><authentication>password-encrypted</authentication><authentication>password-cleartext</authentication></outgoingServer>")),
        ("whitespace only and empty", wrap("<displayName>  \n </displayName><incomingServer type=\"\"><hostname/><port>  </port></incomingServer><outgoingServer><hostname>\n  smtp.chan.hk\n  </hostname></outgoingServer>")),
        ("a lone carriage return", "<clientConfig>\r<emailProvider>\r<incomingServer type=\"imap\">\r<hostname>mail.chan.hk</hostname>\r</incomingServer>\r</emailProvider>\r</clientConfig>".to_string()),
        ("not closed", "<clientConfig><emailProvider>".to_string()),
        ("mismatched tags", wrap("<domain>chan.hk</dommain>")),
        ("an unknown entity", wrap("<domain>chan&nbsp;hk</domain>")),
        ("a < in an attribute", wrap("<incomingServer type=\"a<b\"/>")),
        ("an unquoted attribute", wrap("<incomingServer type=imap/>")),
        ("a duplicated attribute", wrap("<incomingServer type=\"imap\" type=\"pop3\"/>")),
        ("an undeclared prefix", wrap("<x:domain>chan.hk</x:domain>")),
        ("a character reference to U+0000", wrap("<domain>chan&#0;hk</domain>")),
        ("two roots", "<clientConfig><emailProvider/></clientConfig><clientConfig/>".to_string()),
        ("text after the root", "<clientConfig><emailProvider/></clientConfig>trailing".to_string()),
        ("empty", String::new()),
        ("not XML", "hello, mail.chan.hk".to_string()),
        ("a comment never closed", "<clientConfig><emailProvider/><!-- </clientConfig>".to_string()),
        ("the wrong root", "<notAConfig><emailProvider/></notAConfig>".to_string()),
        ("no provider", "<clientConfig version=\"1.1\"/>".to_string()),
        ("a DTD", "<!DOCTYPE clientConfig><clientConfig><emailProvider/></clientConfig>".to_string()),
        ("a DTD with entities", "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><clientConfig>&b;</clientConfig>".to_string()),
        ("an external entity", "<!DOCTYPE x [<!ENTITY ext SYSTEM \"file:///etc/passwd\">]><clientConfig>&ext;</clientConfig>".to_string()),
    ]
}

/// Cases too large to store: the text is `before`, `unit` `times` times, then `after`.
fn large_cases() -> Vec<(&'static str, Value)> {
    let open = "<clientConfig version=\"1.1\"><emailProvider id=\"x\">";
    let close = "</emailProvider></clientConfig>";
    vec![
        (
            "too many elements",
            json!({ "before": open, "unit": "<domain>a.hk</domain>", "times": 20_000, "after": close }),
        ),
        (
            "too large",
            json!({ "before": format!("{open}<!-- "), "unit": "x", "times": 1 << 20, "after": format!(" -->{close}") }),
        ),
    ]
}

/// Every case as stored: the edge cases, each fixture's profile texts, the sample profiles
/// (with the text), then the large ones (with a recipe).
fn stored_cases() -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = small_cases()
        .into_iter()
        .map(|(name, xml)| (name, json!({ "xml": xml })))
        .collect();
    for (name, recipe) in large_cases() {
        out.push((name.to_string(), json!({ "repeat": recipe })));
    }
    out
}

/// Every case with its text.
fn cases() -> Vec<(String, String)> {
    let mut out = small_cases();
    for (name, recipe) in large_cases() {
        out.push((name.to_string(), rebuild(&recipe)));
    }
    out
}

fn small_cases() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = edge_cases()
        .into_iter()
        .map(|(name, xml)| (name.to_string(), xml))
        .collect();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut fixtures: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    fixtures.sort();
    for path in fixtures {
        let fixture: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        for group in ["fires", "quiet"] {
            for (i, case) in fixture[group].as_array().into_iter().flatten().enumerate() {
                if let Some(xml) = case["lint"].as_str() {
                    out.push((format!("{name} {group} {}", i + 1), xml.to_string()));
                }
            }
        }
    }
    for name in ["hk-host.xml", "isp-single-host.xml", "plesk-host.xml"] {
        let path = format!("{}/www/profiles/{name}", env!("CARGO_MANIFEST_DIR"));
        out.push((name.to_string(), std::fs::read_to_string(path).unwrap()));
    }
    out
}

#[test]
fn the_shared_file_holds_every_case_as_the_native_reader_reads_it() {
    let entries: Vec<Value> = stored_cases()
        .into_iter()
        .map(|(name, mut entry)| {
            let xml = match entry["xml"].as_str() {
                Some(xml) => xml.to_string(),
                None => rebuild(&entry["repeat"]),
            };
            entry["case"] = json!(name);
            entry["reads"] = json!(reading(&xml));
            entry
        })
        .collect();
    let text = serde_json::to_string_pretty(&entries).unwrap() + "\n";
    if std::env::var_os("MAILLINT_BLESS").is_some() {
        std::fs::write(FILE, &text).unwrap();
    }
    let stored = std::fs::read_to_string(FILE).unwrap_or_default();
    assert!(
        stored == text,
        "tests/profile_xml.json is not what the native reader reads (or lacks a case); \
         check the difference and run with MAILLINT_BLESS=1"
    );
}

#[test]
fn each_reading_says_something_specific() {
    let all = cases();
    let read = |name: &str| {
        let (_, xml) = all.iter().find(|(n, _)| n == name).unwrap();
        reading(xml)
    };
    assert!(read("entities").contains("\"mail.a&b.hk\""));
    assert!(read("entities").contains("\"993\""));
    assert!(read("cdata").contains("\"mail.chan.hk\""));
    assert!(read("comment inside text").contains("\"mail.chan.hk\""));
    assert!(read("tags in a comment").contains("line: 6"));
    assert!(read("CRLF line ends").contains("line: 7"));
    assert!(read("a namespace prefix").contains("\"mail.chan.hk\""));
    assert!(read("two providers").contains("first.hk"));
    assert!(read("the provider after other elements").contains("\"陳記 郵件\""));
    assert!(read("several authentications").contains("password-encrypted"));
    for broken in [
        "not closed",
        "mismatched tags",
        "an unknown entity",
        "two roots",
        "empty",
    ] {
        assert_eq!(
            read(broken),
            "error: the profile is not well-formed XML",
            "{broken}"
        );
    }
    assert!(read("a DTD").contains("DTD"));
    assert!(read("too many elements").contains("20,000"));
    assert!(read("too large").contains("at most"));
    assert!(read("the wrong root").contains("<notAConfig>"));
}

#[test]
fn start_tag_lines_are_the_lines_roxmltree_gives() {
    // text_pos_at counts from the start each time: the two largest cases would take minutes.
    for (name, xml) in cases().into_iter().filter(|(_, xml)| xml.len() < 100_000) {
        let Ok(doc) = roxmltree::Document::parse(&xml) else {
            continue;
        };
        let rows: Vec<u32> = doc
            .descendants()
            .filter(|n| n.is_element())
            .map(|n| doc.text_pos_at(n.range().start).row)
            .collect();
        match maillint::profile::start_tags::lines(&xml) {
            Ok(lines) => assert_eq!(lines, rows, "{name}"),
            Err(e) => panic!("{name}: {e:?}"),
        }
    }
}

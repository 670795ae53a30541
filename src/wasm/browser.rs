//! What the engine takes from the browser instead of carrying it: UTS 46 (the URL parser),
//! which saves the package idna's Unicode tables, and the XML parser (`DOMParser`, in
//! `readXml` in `wire.js`), which saves it roxmltree.

#[cfg(not(feature = "xml"))]
use wasm_bindgen::prelude::*;

#[cfg(not(feature = "xml"))]
use crate::profile::{Outline, OutlineElement, ProfileError};

#[cfg(not(feature = "xml"))]
#[wasm_bindgen(module = "/src/wasm/wire.js")]
extern "C" {
    #[wasm_bindgen(js_name = readXml)]
    fn read_xml(text: &str) -> String;
}

/// Hands the engine what it needs from the browser; every export calls it first, since a
/// module instantiated without its start function (a test harness) must work too.
pub fn ready() {
    #[cfg(not(feature = "idna"))]
    crate::text::set_domain_to_ascii(browser_domain_to_ascii);
    #[cfg(not(feature = "xml"))]
    crate::profile::set_xml_reader(browser_read_xml);
}

/// A `config-v1.1.xml` read by the browser's `DOMParser` (see `readXml` in `wire.js` for the answer's form).
#[cfg(not(feature = "xml"))]
fn browser_read_xml(xml: &str) -> Result<Outline, ProfileError> {
    let answer = read_xml(xml);
    let mut fields = answer.split('\0');
    match fields.next() {
        Some("ok") => {}
        Some("malformed") => {
            let detail = fields.next().unwrap_or("the browser could not read it");
            return Err(ProfileError::malformed(detail));
        }
        _ => {
            let why = fields.next().unwrap_or("the browser could not read XML");
            return Err(ProfileError(why.to_string()));
        }
    }
    let mut outline = Outline {
        root: fields.next().unwrap_or_default().to_string(),
        provider: None,
    };
    while let (Some(depth), Some(name), Some(kind), Some(index), Some(text)) = (
        fields.next(),
        fields.next(),
        fields.next(),
        fields.next(),
        fields.next(),
    ) {
        let element = OutlineElement {
            name: name.to_string(),
            kind: kind.to_string(),
            text: text.to_string(),
            index: index.parse().unwrap_or(0),
            children: Vec::new(),
        };
        let provider = outline.provider.as_mut();
        match (depth, provider) {
            ("0", _) => outline.provider = Some(element),
            ("1", Some(p)) => p.children.push(element),
            (_, Some(p)) => {
                if let Some(child) = p.children.last_mut() {
                    child.children.push(element);
                }
            }
            _ => {}
        }
    }
    Ok(outline)
}

/// UTS 46 by the browser's URL parser: `new URL("http://bücher.de/").hostname` is
/// `xn--bcher-kva.de`. The engine validates the result as a host name again.
///
/// A URL object costs more than the rest of a check's work on a name, and the same names come
/// back at every keystroke (both servers, the address domain, each check while another
/// field is typed), so the last few answers are kept.
#[cfg(not(feature = "idna"))]
fn browser_domain_to_ascii(name: &str) -> Option<String> {
    /// How many names are kept, and the longest kept (a valid name has at most 253 bytes).
    const KEEP: usize = 8;
    const LONGEST: usize = 253;
    thread_local! {
        static RECENT: std::cell::RefCell<Vec<(String, Option<String>)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    if name.contains(['/', '?', '#', '@', ':', '\\', '%']) {
        return None;
    }
    if let Some(known) = RECENT.with(|r| {
        r.borrow()
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, ascii)| ascii.clone())
    }) {
        return known;
    }
    let ascii = web_sys::Url::new(&format!("http://{name}/"))
        .ok()
        .map(|u| u.hostname());
    if name.len() <= LONGEST {
        RECENT.with(|r| {
            let mut recent = r.borrow_mut();
            if recent.len() == KEEP {
                recent.remove(0);
            }
            recent.push((name.to_string(), ascii.clone()));
        });
    }
    ascii
}

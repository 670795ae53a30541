//! What the engine takes from the browser instead of carrying it: UTS 46 (the URL parser),
//! which saves the package idna's Unicode tables, and the XML parser (`DOMParser`, through
//! web-sys), which saves it roxmltree.

#[cfg(not(feature = "xml"))]
use crate::profile::{Outline, OutlineElement, ProfileError};

/// Hands the engine what it needs from the browser; every export calls it first, since a
/// module instantiated without its start function (a test harness) must work too.
pub fn ready() {
    #[cfg(not(feature = "idna"))]
    crate::text::set_domain_to_ascii(browser_domain_to_ascii);
    #[cfg(not(feature = "xml"))]
    crate::profile::set_xml_reader(browser_read_xml);
}

/// A `config-v1.1.xml` read by the browser's `DOMParser` into the outline the engine reads
/// (the native build reads it with roxmltree; both give the outlines in
/// `tests/profile_xml.json`). The engine has refused DTDs and counted the elements before
/// this runs (`src/profile/start_tags.rs`).
#[cfg(not(feature = "xml"))]
fn browser_read_xml(xml: &str) -> Result<Outline, ProfileError> {
    // A page whose Trusted Types policy guards DOMParser refuses the call: an error the
    // caller can act on, never an exception through the module.
    let refused = |e: wasm_bindgen::JsValue| {
        let why = super::boundary::message_of(&e).unwrap_or_default();
        ProfileError(format!(
            "the page did not let the browser read the profile's XML ({why}); give the profile as an object instead"
        ))
    };
    let parser = web_sys::DomParser::new().map_err(refused)?;
    let doc = parser
        .parse_from_string(xml, web_sys::SupportedType::ApplicationXml)
        .map_err(refused)?;
    // A document that is not well-formed comes back with a <parsererror> in the browser's
    // own namespace (Chromium: XHTML, Firefox: its parsererror namespace); one without a
    // namespace would be the profile's own element.
    let errors = doc
        .get_elements_by_tag_name_ns(Some("*"), "parsererror")
        .map_err(refused)?;
    for i in 0..errors.length() {
        let Some(error) = errors.item(i) else {
            continue;
        };
        if error.namespace_uri().is_none() {
            continue;
        }
        let shown = error.query_selector("div").ok().flatten().unwrap_or(error);
        let text = shown.text_content().unwrap_or_default();
        let detail = text.trim().lines().next().unwrap_or("");
        return Err(ProfileError::malformed(if detail.is_empty() {
            "the browser could not read it"
        } else {
            detail
        }));
    }
    let Some(root) = doc.document_element() else {
        return Err(ProfileError::malformed("the browser could not read it"));
    };
    let mut outline = Outline {
        root: root.local_name(),
        provider: None,
    };
    // Every element in document order (the root is 0), walked without recursion; the
    // provider's children and grandchildren are kept. `ancestors` holds each open element's
    // index, so the one at depth 1 says whether we are inside the provider.
    let mut ancestors: Vec<(web_sys::Element, usize)> = Vec::new();
    let mut provider_index = None;
    let mut current = Some(root);
    let mut index = 0usize;
    while let Some(element) = current {
        let depth = ancestors.len();
        let in_provider =
            provider_index.is_some() && ancestors.get(1).map(|(_, i)| *i) == provider_index;
        if depth == 1 && provider_index.is_none() && element.local_name() == "emailProvider" {
            provider_index = Some(index);
            outline.provider = Some(outline_element(&element, index));
        } else if in_provider && (depth == 2 || depth == 3) {
            let entry = outline_element(&element, index);
            if let Some(provider) = outline.provider.as_mut() {
                if depth == 2 {
                    provider.children.push(entry);
                } else if let Some(child) = provider.children.last_mut() {
                    child.children.push(entry);
                }
            }
        }
        index += 1;
        if let Some(child) = element.first_element_child() {
            ancestors.push((element, index - 1));
            current = Some(child);
            continue;
        }
        let mut next = element.next_element_sibling();
        while next.is_none() {
            match ancestors.pop() {
                Some((parent, _)) => next = parent.next_element_sibling(),
                None => break,
            }
        }
        current = next;
    }
    Ok(outline)
}

/// One element as the outline keeps it: its own text is its text and CDATA children joined
/// (comments and processing instructions are not text).
#[cfg(not(feature = "xml"))]
fn outline_element(element: &web_sys::Element, index: usize) -> OutlineElement {
    let mut text = String::new();
    let nodes = element.child_nodes();
    for i in 0..nodes.length() {
        if let Some(node) = nodes.item(i) {
            let kind = node.node_type();
            if kind == web_sys::Node::TEXT_NODE || kind == web_sys::Node::CDATA_SECTION_NODE {
                text.push_str(&node.node_value().unwrap_or_default());
            }
        }
    }
    OutlineElement {
        name: element.local_name(),
        kind: element.get_attribute("type").unwrap_or_default(),
        text,
        index,
        children: Vec::new(),
    }
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

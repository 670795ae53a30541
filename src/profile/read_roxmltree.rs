//! The native XML reader: `roxmltree` (read-only, never fetches anything). The browser
//! package reads with `DOMParser` instead (`browser_read_xml` in `src/wasm/browser.rs`);
//! `tests/profile_xml.json` holds the outlines both must give.

use super::{Outline, OutlineElement, ProfileError};

/// Reads `xml` into an outline. DTDs were refused before (`start_tags`), and roxmltree
/// refuses them too.
pub fn outline(xml: &str) -> Result<Outline, ProfileError> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(xml, options)
        .map_err(|e| ProfileError::malformed(&e.to_string()))?;
    // Each element's place in document order, the root's being 0, by node id.
    let mut order = vec![0usize; doc.descendants().count() + 1];
    for (i, node) in doc.descendants().filter(|n| n.is_element()).enumerate() {
        if let Some(slot) = order.get_mut(node.id().get_usize()) {
            *slot = i;
        }
    }
    let index = |node: roxmltree::Node| order.get(node.id().get_usize()).copied().unwrap_or(0);
    let element = |node: roxmltree::Node, children: Vec<OutlineElement>| OutlineElement {
        name: node.tag_name().name().to_string(),
        kind: node.attribute("type").unwrap_or("").to_string(),
        text: node
            .children()
            .filter(|c| c.is_text())
            .filter_map(|c| c.text())
            .collect(),
        index: index(node),
        children,
    };
    let root = doc.root_element();
    let provider = root
        .children()
        .find(|n| n.has_tag_name("emailProvider"))
        .map(|p| {
            let children = p
                .children()
                .filter(|n| n.is_element())
                .map(|n| {
                    element(
                        n,
                        n.children()
                            .filter(|c| c.is_element())
                            .map(|c| element(c, Vec::new()))
                            .collect(),
                    )
                })
                .collect();
            element(p, children)
        });
    Ok(Outline {
        root: root.tag_name().name().to_string(),
        provider,
    })
}

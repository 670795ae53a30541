//! Where each element of a profile starts, found by one pass over the text before any XML
//! parser sees it.
//!
//! Both readers of `config-v1.1.xml` (roxmltree natively, the browser's `DOMParser` in the
//! package) name elements by their place in document order; this pass turns that place
//! into the line a lint finding shows, the same way for both. It also refuses a DTD before
//! a parser could expand its entities, and counts the elements against the limit, so both
//! readers refuse the same files with the same words.
//!
//! In XML a `<` outside comments, CDATA sections and processing instructions always opens
//! a tag (it may not appear in text or in attribute values), and without a DTD no entity
//! can add elements, so the start tags in the text are the elements in document order.
//! Malformed text is left to the parser, which refuses it; this pass only has to stay
//! bounded and never fail on it.

use super::ProfileError;

/// The most elements a profile may have (real ones have a few dozen).
pub const MAX_ELEMENTS: usize = 20_000;

/// The 1-based line of each start tag, in document order.
pub fn lines(xml: &str) -> Result<Vec<u32>, ProfileError> {
    let bytes = xml.as_bytes();
    let mut out = Vec::new();
    let mut line = 1u32;
    let mut at = 0usize;
    // Moves `at` past the next `end`, counting the lines it passes; `false` when `end`
    // never comes (the parser will say what is wrong).
    let skip_past = |at: &mut usize, line: &mut u32, end: &[u8]| -> bool {
        let rest = bytes.get(*at..).unwrap_or_default();
        match rest.windows(end.len()).position(|w| w == end) {
            Some(found) => {
                let passed = rest.get(..found + end.len()).unwrap_or_default();
                *line += count_newlines(passed);
                *at += found + end.len();
                true
            }
            None => false,
        }
    };
    while let Some(offset) = bytes.get(at..).and_then(|rest| memchr(b'<', rest)) {
        line += count_newlines(bytes.get(at..at + offset).unwrap_or_default());
        at += offset;
        let rest = bytes.get(at..).unwrap_or_default();
        let done = if rest.starts_with(b"<!--") {
            skip_past(&mut at, &mut line, b"-->")
        } else if rest.starts_with(b"<![CDATA[") {
            skip_past(&mut at, &mut line, b"]]>")
        } else if rest.starts_with(b"<?") {
            skip_past(&mut at, &mut line, b"?>")
        } else if rest.starts_with(b"<!DOCTYPE") {
            return Err(ProfileError(
                "the profile has a DTD (<!DOCTYPE …>), which is never read".to_string(),
            ));
        } else {
            if !rest.starts_with(b"</") && !rest.starts_with(b"<!") {
                if out.len() == MAX_ELEMENTS {
                    return Err(ProfileError(
                        "the profile has more than 20,000 elements".to_string(),
                    ));
                }
                out.push(line);
            }
            skip_tag(bytes, &mut at, &mut line)
        };
        if !done {
            break;
        }
    }
    Ok(out)
}

/// Moves `at` past the `>` that closes the tag at `at`, skipping quoted attribute values.
fn skip_tag(bytes: &[u8], at: &mut usize, line: &mut u32) -> bool {
    let mut quote: Option<u8> = None;
    let mut i = *at + 1;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        match (quote, b) {
            (_, b'\n') => *line += 1,
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => {
                *at = i;
                return true;
            }
            _ => {}
        }
    }
    false
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn count_newlines(bytes: &[u8]) -> u32 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_start_tag_on_its_line() {
        let xml = "<?xml version=\"1.0\"?>\n<a>\n  <!-- <b>\n -->\n  <c x='>\n'/><![CDATA[<d>\n]]>\n</a><e\n>";
        assert_eq!(lines(xml), Ok(vec![2, 5, 8]));
    }

    #[test]
    fn refuses_a_dtd_and_too_many_elements() {
        assert!(lines("<!DOCTYPE a [<!ENTITY b \"c\">]><a>&b;</a>")
            .unwrap_err()
            .0
            .contains("DTD"));
        assert_eq!(lines("<!-- <!DOCTYPE a> --><a/>"), Ok(vec![1]));
        let many = "<a/>".repeat(MAX_ELEMENTS + 1);
        assert!(lines(&many).unwrap_err().0.contains("more than 20,000"));
        assert_eq!(
            lines(&"<a/>".repeat(MAX_ELEMENTS)).map(|l| l.len()),
            Ok(MAX_ELEMENTS)
        );
    }

    #[test]
    fn stops_quietly_in_unfinished_text() {
        for xml in ["<a", "<a x=\"", "<!--", "<![CDATA[", "<?x", "<", "<a></"] {
            assert!(lines(xml).is_ok(), "{xml}");
        }
    }
}

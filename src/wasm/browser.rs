//! What the engine takes from the browser instead of carrying it: UTS 46 (the URL parser),
//! which saves the package idna's Unicode tables.

/// Hands the engine what it needs from the browser; every export calls it first, since a
/// module instantiated without its start function (a test harness) must work too.
pub fn ready() {
    #[cfg(not(feature = "idna"))]
    crate::text::set_domain_to_ascii(browser_domain_to_ascii);
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

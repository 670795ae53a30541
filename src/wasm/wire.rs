//! The two values that cross the boundary on every keystroke, `check`'s arguments and its
//! report, each as one string (see `wire.js`, which reads and builds them on the JavaScript
//! side): one call each way instead of one per field, and no JSON to write and parse.
//!
//! A string is a list of entries separated by U+0000; inside an entry U+0000 is written
//! U+0001 `0` and U+0001 is written U+0001 `1`, so any text passes unchanged.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt::Write;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::finding::Report;
use crate::settings::{FieldValue, IncomingSettings, OutgoingSettings, Settings};

#[wasm_bindgen(module = "/src/wasm/wire.js")]
extern "C" {
    #[wasm_bindgen(js_name = readCheckInput, catch)]
    fn read_check_input(settings: &JsValue, options: &JsValue) -> Result<String, JsValue>;
    #[wasm_bindgen(js_name = buildReport)]
    fn build_report(text: &str) -> JsValue;
}

const SEPARATOR: char = '\0';
const ESCAPE: char = '\u{1}';

/// What `check` reads from its arguments.
pub struct CheckInput {
    pub settings: Settings,
    pub locale: Option<String>,
    pub complete: Option<bool>,
    /// `options.profile` is given (read on its own: it is rare and large).
    pub has_profile: bool,
}

/// Whether a text needs escaping. U+0000 and U+0001 are single bytes in UTF-8 that no other
/// character contains, and a byte loop is several times faster than a `char` search.
fn has_special(text: &str) -> bool {
    text.bytes().any(|b| b <= 1)
}

fn unescape(text: &str) -> String {
    if !has_special(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == ESCAPE {
            match chars.next() {
                Some('0') => out.push(SEPARATOR),
                Some('1') => out.push(ESCAPE),
                _ => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn push_escaped(out: &mut String, text: &str) {
    if !has_special(text) {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        match c {
            SEPARATOR => out.push_str("\u{1}0"),
            ESCAPE => out.push_str("\u{1}1"),
            c => out.push(c),
        }
    }
}

/// An argument's entry: empty when absent, else `=` and the value.
fn argument(entry: Option<&str>) -> Option<String> {
    entry?.strip_prefix('=').map(unescape)
}

/// `check`'s settings and options, read and type-checked in one call into JavaScript.
/// A value of the wrong type is an `Error` naming its path (`settings.incoming.port must be
/// a number or text`).
pub fn check_input(settings: &JsValue, options: &JsValue) -> Result<CheckInput, JsError> {
    let text = read_check_input(settings, options).map_err(|e| {
        let message = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "maillint: could not read the settings".to_string());
        JsError::new(&message)
    })?;
    let mut entries = text.split(SEPARATOR);
    let mut next = || argument(entries.next());
    let email = next();
    let incoming = IncomingSettings {
        protocol: next(),
        host: next(),
        port: next(),
        security: next(),
        username: next(),
    };
    let outgoing = OutgoingSettings {
        host: next(),
        port: next(),
        security: next(),
        username: next(),
        auth: next().map(|b| b == "1"),
    };
    Ok(CheckInput {
        settings: Settings {
            email,
            incoming,
            outgoing,
        },
        locale: next(),
        complete: next().map(|b| b == "1"),
        has_profile: next().is_some(),
    })
}

thread_local! {
    /// The catalogue's help texts already handed to `wire.js`, which keeps them: by their
    /// address and length, in the order of the numbers they were given.
    static KEPT: RefCell<Vec<(usize, usize)>> = const { RefCell::new(Vec::new()) };
}

/// A help text's entry: `=text`, or for a catalogue text (borrowed, so fixed for the life
/// of the module) `+n:text` the first time, which `wire.js` keeps as number `n`, and `#n`
/// after that. Help texts are most of a report's bytes and nearly all come from the
/// catalogue: each crosses (is written, decoded and split) once, not at every keystroke.
#[allow(clippy::ptr_arg)] // whether the text is borrowed is the point
fn push_help(out: &mut String, help: &Cow<'static, str>) {
    let Cow::Borrowed(text) = help else {
        out.push('=');
        push_escaped(out, help);
        return;
    };
    let key = (text.as_ptr() as usize, text.len());
    let (number, new) = KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        match kept.iter().position(|k| *k == key) {
            Some(n) => (n, false),
            None => {
                kept.push(key);
                (kept.len() - 1, true)
            }
        }
    });
    if new {
        let _ = write!(out, "+{number}:");
        push_escaped(out, text);
    } else {
        let _ = write!(out, "#{number}");
    }
}

/// The report's entries, in the order `buildReport` in `wire.js` reads them.
pub fn encode_report(report: &Report) -> String {
    let mut out = String::with_capacity(256 + 512 * report.findings.len());
    let entry = |out: &mut String, text: &str| {
        push_escaped(out, text);
        out.push(SEPARATOR);
    };
    entry(&mut out, if report.ok { "1" } else { "0" });
    entry(&mut out, &report.findings.len().to_string());
    for f in &report.findings {
        entry(&mut out, f.code.as_str());
        entry(&mut out, f.severity.as_str());
        entry(&mut out, f.place.path());
        entry(&mut out, &f.message);
        if let Some(help) = &f.help {
            push_help(&mut out, help);
        }
        out.push(SEPARATOR);
        let edits = f.fix.as_ref().map(|x| x.edits.as_slice()).unwrap_or(&[]);
        entry(
            &mut out,
            f.fix.as_ref().map(|x| x.title.as_str()).unwrap_or(""),
        );
        entry(&mut out, &edits.len().to_string());
        for e in edits {
            entry(&mut out, e.field.path());
            match &e.value {
                FieldValue::Text(t) => {
                    out.push('t');
                    entry(&mut out, t);
                }
                FieldValue::Port(p) => entry(&mut out, &format!("n{p}")),
                FieldValue::Bool(b) => entry(&mut out, if *b { "b1" } else { "b0" }),
            }
        }
    }
    // Last, whether any entry was escaped, so that wire.js can skip looking for escapes in
    // the usual report that has none.
    let escaped = out.as_bytes().contains(&1);
    out.push(if escaped { '1' } else { '0' });
    out
}

/// A report as the JS API returns it.
pub fn report_to_js(report: &Report) -> JsValue {
    build_report(&encode_report(report))
}

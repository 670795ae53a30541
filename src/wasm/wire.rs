//! The one module that converts between JavaScript values and the engine's types, both
//! ways: every export and the widget read their arguments and build their results here.
//!
//! - `check`'s arguments and its report cross on every keystroke, so each crosses as one
//!   string (see `wire.js`, which reads and type-checks the arguments and builds the report
//!   on the JavaScript side): one call each way instead of one per field, and no JSON to
//!   write and parse. A string is a list of entries separated by U+0000; inside an entry
//!   U+0000 is written U+0001 `0` and U+0001 is written U+0001 `1`, so any text passes
//!   unchanged.
//! - A profile object is read and type-checked by `wire.js` too and crosses as one string
//!   (`profile_object`). The rarer values (the widget's options) are read by the
//!   typed readers below; they give the same clear errors as
//!   `wire.js` (`maillint: settings.incoming.port must be a number or text`). serde's deserializer
//!   would do it in fewer lines, but its error messages pull Rust's float formatting into the
//!   package (about 6 KB gzip).
//! - Results other than a report (parsed settings, a lint report, the rules) go to JS as one
//!   JSON text, which one `JSON.parse` turns into objects faster than building them field by
//!   field.
//!
//! This module is stateless: a report's help texts are named by locale and code, and
//! `wire.js` alone keeps the texts it has been given, so a report never depends on the
//! calls before it.

use std::borrow::Cow;

use js_sys::{Array, Function, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::codes::Code;
use crate::finding::{LintReport, Report};
use crate::messages::{self, Locale};
use crate::settings::{FieldValue, Settings};

#[wasm_bindgen(module = "/src/wasm/wire.js")]
extern "C" {
    #[wasm_bindgen(js_name = readCheckInput, catch)]
    fn read_check_input(settings: &JsValue, options: &JsValue) -> Result<String, JsValue>;
    #[wasm_bindgen(js_name = readProfileObject, catch)]
    fn read_profile_object(profile: &JsValue) -> Result<String, JsValue>;
    #[wasm_bindgen(js_name = buildReport)]
    fn build_report(text: &str, help: &Function) -> JsValue;
}

const SEPARATOR: char = '\0';
const ESCAPE: char = '\u{1}';

/// What `check` reads from its arguments.
pub struct CheckInput {
    pub settings: Settings,
    pub locale: Option<String>,
    pub complete: Option<bool>,
    /// `options.today` as given (checked by [`today`]).
    pub today: Option<String>,
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

/// What `wire.js` threw while reading an argument: its TypeError (a value of the wrong type)
/// as it is, anything else (a throwing getter, a proxy) as an `Error` with its message.
fn passed_on(e: JsValue) -> JsValue {
    if e.is_instance_of::<js_sys::TypeError>() {
        return e;
    }
    let message = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "maillint: could not read the settings".to_string());
    error(&message)
}

/// The day the providers' dated changes are judged against: `options.today` (`YYYY-MM-DD`)
/// when given, else the browser's own date. A text that is no such date is an `Error`.
pub fn today(given: Option<&str>) -> Result<crate::providers::Day, JsValue> {
    match given {
        Some(text) => crate::providers::Day::parse(text)
            .ok_or_else(|| error("maillint: options.today must be a date written YYYY-MM-DD")),
        None => Ok(browser_today()),
    }
}

/// The browser's date, in the customer's own time zone: a change "from 31 December" starts
/// on their 31 December.
pub fn browser_today() -> crate::providers::Day {
    let now = js_sys::Date::new_0();
    crate::providers::Day::new(now.get_full_year(), now.get_month() + 1, now.get_date())
        .unwrap_or(crate::providers::Day(0))
}

/// `check`'s settings and options, read and type-checked in one call into JavaScript.
/// A value of the wrong type is an `Error` naming its path (`settings.incoming.port must be
/// a number or text`).
pub fn check_input(settings: &JsValue, options: &JsValue) -> Result<CheckInput, JsValue> {
    let text = read_check_input(settings, options).map_err(passed_on)?;
    let mut entries = text.split(SEPARATOR);
    let mut next = || argument(entries.next());
    // wire.js gives the fields in `Field::ALL` order, the order `from_fields` asks in.
    let settings = Settings::from_fields(|_field| next());
    Ok(CheckInput {
        settings,
        locale: next(),
        complete: next().map(|b| b == "1"),
        today: next(),
        has_profile: next().is_some(),
    })
}

/// A help text's entry: `=text` for a text filled with values, or `#locale/code` for the
/// catalogue's own text of that code in that locale (borrowed, never filled), both by their
/// positions (in `Locale::ALL` and the settings and profile codes). Help texts are most of a
/// report's bytes and nearly all come from the catalogue: `wire.js` asks for each such text
/// once, through [`help_source`], and keeps it by that name.
#[allow(clippy::ptr_arg)] // whether the text is borrowed is the point
fn push_help(out: &mut String, help: &Cow<'static, str>, code: Code, locale: Locale) {
    match (help, code.rule_index()) {
        (Cow::Borrowed(_), Some(index)) => {
            out.push('#');
            crate::text::push_number(out, locale as u64);
            out.push('/');
            crate::text::push_number(out, index as u64);
        }
        _ => {
            out.push('=');
            push_escaped(out, help);
        }
    }
}

/// The catalogue's help text named `locale/code` (their positions), for `wire.js`.
fn catalogue_help(name: String) -> String {
    let number = |t: &str| t.parse::<usize>().ok();
    let Some((locale, code)) = name.split_once('/') else {
        return String::new();
    };
    let locale = number(locale).and_then(|i| Locale::ALL.get(i));
    let code = number(code).and_then(|i| crate::codes::RULE_CODES.get(i));
    match (locale, code) {
        (Some(locale), Some(code)) => messages::entry(*locale, *code).help.to_string(),
        _ => String::new(),
    }
}

/// The function `wire.js` calls for a catalogue help text it has not been given yet. Made
/// once per module instance: a function, not a store, so nothing here depends on earlier calls.
fn help_source() -> Function {
    thread_local! {
        static SOURCE: Function =
            Closure::<dyn Fn(String) -> String>::new(catalogue_help).into_js_value().unchecked_into();
    }
    SOURCE.with(Function::clone)
}

/// The report's entries, in the order `buildReport` in `wire.js` reads them.
pub fn encode_report(report: &Report, locale: Locale) -> String {
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
            push_help(&mut out, help, f.code, locale);
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

/// A report, rendered in `locale`, as the JS API returns it.
pub fn report(report: &Report, locale: Locale) -> JsValue {
    build_report(&encode_report(report, locale), &help_source())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WireParsedSide {
    #[serde(skip_serializing_if = "Option::is_none")]
    protocol: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    host: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    port: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    security: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    auth: Option<bool>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WireParsed {
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    incoming: WireParsedSide,
    outgoing: WireParsedSide,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WireRule {
    code: &'static str,
    severity: &'static str,
    summary: &'static str,
    fixable: bool,
}

/// Values to JS through one JSON text: a single string crossing and the engine's own
/// JSON.parse is several times faster than building each object field by field.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text =
        serde_json::to_string(value).map_err(|_| error("maillint: could not build the result"))?;
    js_sys::JSON::parse(&text).map_err(|_| error("maillint: could not build the result"))
}

/// Settings as a JS object of the `Settings` type (ports as typed text).
pub fn settings(s: &Settings) -> Result<JsValue, JsValue> {
    to_js(&WireParsed {
        email: s.email.clone(),
        incoming: WireParsedSide {
            protocol: s.incoming.protocol.clone(),
            host: s.incoming.host.clone(),
            port: s.incoming.port.clone(),
            security: s.incoming.security.clone(),
            username: s.incoming.username.clone(),
            auth: None,
        },
        outgoing: WireParsedSide {
            protocol: None,
            host: s.outgoing.host.clone(),
            port: s.outgoing.port.clone(),
            security: s.outgoing.security.clone(),
            username: s.outgoing.username.clone(),
            auth: s.outgoing.auth,
        },
    })
}

/// A lint report as `lintProfile` returns it.
pub fn lint_report(report: &LintReport) -> Result<JsValue, JsValue> {
    to_js(report)
}

/// Every rule, as `rules()` returns them.
pub fn rules() -> Result<JsValue, JsValue> {
    let rules: Vec<WireRule> = crate::rules()
        .into_iter()
        .map(|r| WireRule {
            code: r.code.as_str(),
            severity: r.severity.as_str(),
            summary: r.summary,
            fixable: r.fixable,
        })
        .collect();
    to_js(&rules)
}

/// `options.locale`, or English.
pub fn locale_of(options: &JsValue) -> Locale {
    get(options, "locale")
        .as_string()
        .map(|t| Locale::from_tag(&t))
        .unwrap_or_default()
}

/// What the widget's state takes from `mount()`'s options (`MountOptions`); `widget.js`
/// reads the rest (`probeUrl`, `discoverUrl`, `onChange`) after they are checked here.
pub struct MountOptions {
    pub locale: Option<Locale>,
    pub profile: Option<crate::Profile>,
    pub initial: Option<Settings>,
    pub complete: bool,
}

/// Reads `mount()`'s options; a value of the wrong type is an `Error` naming it.
pub fn mount_options(options: &JsValue) -> Result<MountOptions, JsValue> {
    let options = object(options, "options")?.unwrap_or(JsValue::UNDEFINED);
    let on_change = get(&options, "onChange");
    if !(on_change.is_undefined() || on_change.is_null() || on_change.is_function()) {
        return Err(wrong("options.onChange", "a function"));
    }
    text(&get(&options, "probeUrl"), "options.probeUrl")?;
    text(&get(&options, "discoverUrl"), "options.discoverUrl")?;
    let initial = object(&get(&options, "initial"), "options.initial")?;
    Ok(MountOptions {
        locale: text(&get(&options, "locale"), "options.locale")?.map(|t| Locale::from_tag(&t)),
        profile: profile(&get(&options, "profile"))?,
        initial: match initial {
            Some(v) => Some(check_input(&v, &JsValue::UNDEFINED)?.settings),
            None => None,
        },
        complete: boolean(&get(&options, "complete"), "options.complete")?.unwrap_or(false),
    })
}

/// A profile from `options.profile`: the text of a `config-v1.1.xml`, or the object form.
pub fn profile(value: &JsValue) -> Result<Option<crate::Profile>, JsValue> {
    Ok(profile_doc(value)?.map(|doc| crate::Profile::from_doc(&doc)))
}

pub fn profile_doc(value: &JsValue) -> Result<Option<crate::profile::ProfileDoc>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if let Some(xml) = value.as_string() {
        return crate::profile::parse_doc(&xml)
            .map(Some)
            .map_err(|e| error(&format!("maillint: profile: {e}")));
    }
    if !value.is_object() {
        return Err(type_error(
            "maillint: profile must be the text of a config-v1.1.xml or a profile object",
        ));
    }
    let text = read_profile_object(value).map_err(passed_on)?;
    Ok(Some(profile_object(&text).into_doc()))
}

/// A profile object from `readProfileObject`'s entries (see `wire.js`).
fn profile_object(text: &str) -> crate::profile::ProfileObject {
    let mut entries = text.split(SEPARATOR);
    // Counts are written bare; values as argument entries (empty when absent).
    let count = |e: &mut std::str::Split<'_, char>| -> usize {
        e.next().and_then(|n| n.parse().ok()).unwrap_or(0)
    };
    let value = |e: &mut std::str::Split<'_, char>| argument(e.next());
    let texts = |e: &mut std::str::Split<'_, char>, n: usize| -> Vec<String> {
        (0..n).filter_map(|_| value(e)).collect()
    };
    let servers =
        |e: &mut std::str::Split<'_, char>, n: usize| -> Vec<crate::profile::ServerObject> {
            (0..n)
                .map(|_| crate::profile::ServerObject {
                    kind: value(e).unwrap_or_default(),
                    hostname: value(e),
                    port: value(e),
                    socket_type: value(e),
                    username: value(e),
                    authentication: value(e),
                })
                .collect()
        };
    let n = count(&mut entries);
    let domains = texts(&mut entries, n);
    let display_name = value(&mut entries);
    let n = count(&mut entries);
    let incoming = servers(&mut entries, n);
    let n = count(&mut entries);
    let outgoing = servers(&mut entries, n);
    let n = count(&mut entries);
    let not_offered = texts(&mut entries, n);
    crate::profile::ProfileObject {
        domains,
        display_name,
        incoming,
        outgoing,
        not_offered,
    }
}

/// `value[key]`, or undefined when `value` is no object.
pub fn get(value: &JsValue, key: &str) -> JsValue {
    if value.is_object() {
        Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

fn absent(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
}

/// A `TypeError` for a value of the wrong type.
pub fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

/// An `Error` for anything else that keeps an export from answering.
pub fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// A `TypeError` naming the value's path and what it must be.
fn wrong(path: &str, wants: &str) -> JsValue {
    type_error(&format!("maillint: {path} must be {wants}"))
}

/// An optional object (not an array).
fn object(v: &JsValue, path: &str) -> Result<Option<JsValue>, JsValue> {
    if absent(v) {
        Ok(None)
    } else if v.is_object() && !Array::is_array(v) {
        Ok(Some(v.clone()))
    } else {
        Err(wrong(path, "an object"))
    }
}

fn text(v: &JsValue, path: &str) -> Result<Option<String>, JsValue> {
    if absent(v) {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or_else(|| wrong(path, "text"))
}

fn boolean(v: &JsValue, path: &str) -> Result<Option<bool>, JsValue> {
    if absent(v) {
        return Ok(None);
    }
    v.as_bool()
        .map(Some)
        .ok_or_else(|| wrong(path, "true or false"))
}

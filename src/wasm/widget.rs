//! The widget's state and decisions, without the DOM: what a mounted checker has learnt
//! (its options, the latest settings and report, what discovery said) and what it decides
//! from them (which fix writes what, which servers a connection test asks about, which
//! domain discovery asks about and which profile checks the settings, the words in its
//! locale).
//! `widget.js` draws the form and the findings and listens to the customer; it holds one
//! [`WidgetCore`] and asks it. The split keeps the engine's work in Rust and the DOM's in
//! JavaScript, where building and updating elements costs the package a fraction of what
//! web-sys bindings did (see docs/bench.md).
//!
//! Values cross as arrays of texts: a field's path and its value, in pairs.

use js_sys::Array;
use wasm_bindgen::prelude::*;

use super::wire;
use crate::context::{Context, Options};
use crate::finding::Report;
use crate::messages::{self, Locale};
use crate::settings::{Field, Protocol, Security, Settings};

/// A profile discovery found for a domain (`None`: it found none, or none the engine
/// can read).
struct Discovered {
    domain: String,
    profile: Option<crate::Profile>,
}

/// A mounted widget's state (internal to `widget.js`; not part of the package's API).
#[wasm_bindgen(skip_typescript)]
pub struct WidgetCore {
    locale: Locale,
    complete: bool,
    profile: Option<crate::Profile>,
    initial: Option<Settings>,
    settings: Settings,
    report: Report,
    /// Domains asked about on this page.
    asked: Vec<String>,
    discovered: Vec<Discovered>,
    trap_next: bool,
}

/// A value as the form shows it: a security or protocol alias as its drop-down option.
fn shown(field: Field, value: &str) -> String {
    match field {
        Field::IncomingSecurity | Field::OutgoingSecurity => Security::parse(value)
            .map(|s| Security::resolve(s, None).as_str())
            .unwrap_or(""),
        Field::IncomingProtocol => Protocol::parse_incoming(value)
            .map(|p| p.as_str())
            .unwrap_or(""),
        _ => value,
    }
    .to_string()
}

/// The fields a settings value holds, as path and shown value pairs.
fn fields_of(settings: &Settings) -> Array {
    let out = Array::new();
    for field in Field::ALL {
        let value = match field {
            Field::OutgoingAuth => settings.outgoing.auth.map(|b| b.to_string()),
            _ => settings.text(field).map(|t| shown(field, t)),
        };
        if let Some(v) = value {
            out.push(&JsValue::from_str(field.path()));
            out.push(&JsValue::from_str(&v));
        }
    }
    out
}

/// Settings from the form's values: one text per field, in `Field::ALL` order, empty
/// when empty.
fn settings_of(values: &Array) -> Settings {
    let mut texts = values.iter().map(|v| v.as_string().unwrap_or_default());
    Settings::from_fields(|_| texts.next().filter(|t| !t.is_empty()))
}

impl WidgetCore {
    /// The address typed in `settings`, as the engine reads it.
    fn address(settings: &Settings) -> Option<crate::address::Address> {
        Context::new(settings, &Options::default()).address
    }

    /// The typed address's domain, when discovery may ask about it: a usable address whose
    /// domain has a dot.
    fn typed_domain(settings: &Settings) -> Option<String> {
        let address = WidgetCore::address(settings).filter(|a| a.usable)?;
        address.domain.contains('.').then_some(address.domain)
    }

    /// The typed domain, once discovery has answered for some domain (until then no second
    /// context is built on each keystroke).
    fn domain(&self) -> Option<String> {
        if self.discovered.is_empty() {
            return None;
        }
        self.typed()
    }
}

#[wasm_bindgen]
impl WidgetCore {
    /// Reads `mount()`'s options (a value of the wrong type is an `Error` naming it);
    /// `page_tag` is the page's language, for when the options name none.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue, page_tag: JsValue) -> Result<WidgetCore, JsValue> {
        super::browser::ready();
        let o = wire::mount_options(&options)?;
        let page = page_tag.as_string().map(|t| Locale::from_tag(&t));
        Ok(WidgetCore {
            locale: o.locale.or(page).unwrap_or_default(),
            complete: o.complete,
            profile: o.profile,
            initial: o.initial,
            settings: Settings::default(),
            report: Report::new(Vec::new()),
            asked: Vec::new(),
            discovered: Vec::new(),
            trap_next: false,
        })
    }

    /// `options.initial` as path, value pairs.
    pub fn initial(&self) -> Array {
        self.initial.as_ref().map(fields_of).unwrap_or_default()
    }

    /// Switches the locale (`words()` ends with its tag).
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&mut self, tag: &str) {
        self.locale = Locale::from_tag(tag);
    }

    /// The widget's words in its locale, in this order: the interface texts
    /// (`messages::Ui::texts`), each field's label (`Field::ALL`), "no encryption", then
    /// each locale's tag and own name, then the locale's tag.
    pub fn words(&self) -> Array {
        let out = Array::new();
        let push = |s: &str| {
            out.push(&JsValue::from_str(s));
        };
        for t in messages::catalogue(self.locale).ui.texts() {
            push(messages::text(self.locale, t));
        }
        for field in Field::ALL {
            push(messages::field_label(self.locale, field));
        }
        push(messages::security_name(self.locale, Security::None));
        for locale in Locale::ALL {
            push(locale.tag());
            push(locale.name());
        }
        push(self.locale.tag());
        out
    }

    /// Checks the form's values (one text per field, in `Field::ALL` order; empty when
    /// empty) and returns the report.
    pub fn check(&mut self, values: Array) -> JsValue {
        if self.trap_next {
            // Asked for by simulateTrap(): a real trap, for tests of the page's safety net.
            core::arch::wasm32::unreachable();
        }
        self.settings = settings_of(&values);
        // The typed domain matters only once discovery has answered for some domain.
        let domain = self.domain();
        let discovered = domain.as_deref().and_then(|d| {
            self.discovered
                .iter()
                .find(|f| f.domain == d)
                .and_then(|f| f.profile.clone())
        });
        // The page's own profile wins for the domains it names; for another domain, what
        // discovery found for it; otherwise the page's profile as before.
        let profile = match (&self.profile, discovered) {
            (Some(own), _) if domain.as_deref().is_some_and(|d| own.names_domain(d)) => {
                Some(own.clone())
            }
            (_, Some(found)) => Some(found),
            (own, None) => own.clone(),
        };
        let options = Options {
            locale: self.locale,
            complete: self.complete,
            profile,
            today: Some(wire::browser_today()),
        };
        self.report = crate::check(&self.settings, &options);
        wire::report(&self.report, self.locale)
    }

    /// The summary line for `count` problems, in the locale's plural form ("1 problem",
    /// "2 problems"; one form in Chinese and Malay).
    pub fn problems(&self, count: u32) -> String {
        messages::ui(self.locale)
            .problems
            .of(u64::from(count), self.locale)
    }

    /// The latest report again.
    pub fn report(&self) -> JsValue {
        wire::report(&self.report, self.locale)
    }

    /// The edits of the latest report's finding `index`, as path, value pairs.
    pub fn fix(&self, index: usize) -> Array {
        let out = Array::new();
        let fix = self.report.findings.get(index).and_then(|f| f.fix.as_ref());
        for edit in fix.iter().flat_map(|f| &f.edits) {
            let value = shown(edit.field, &edit.value.to_text());
            out.push(&JsValue::from_str(edit.field.path()));
            out.push(&JsValue::from_str(&value));
        }
        out
    }

    /// A pasted block read into path, value pairs.
    pub fn pasted(&self, text: &str) -> Array {
        fields_of(&crate::parse_settings(text))
    }

    /// The settings as typed, as the JS API's settings object.
    pub fn settings(&self) -> Result<JsValue, JsValue> {
        wire::settings(&self.settings)
    }

    /// What "Test connection" asks the backend about the form's `values`, one request per
    /// server with a name and a port, in form order: host, port, protocol and security.
    #[wasm_bindgen(js_name = probeRequests)]
    pub fn probe_requests(&self, values: Array) -> Array {
        let out = Array::new();
        let settings = settings_of(&values);
        let options = Options::default();
        let ctx = Context::new(&settings, &options);
        for side in ctx.sides() {
            let (Some(host), Some(port)) = (side.host.as_ref().filter(|h| !h.opaque), side.port)
            else {
                continue;
            };
            let security = side
                .security
                .unwrap_or_else(|| Security::of_standard_port(port).unwrap_or(Security::Tls));
            out.push(&JsValue::from_str(&host.name));
            out.push(&JsValue::from_f64(f64::from(port)));
            out.push(&JsValue::from_str(side.protocol.as_str()));
            out.push(&JsValue::from_str(security.as_str()));
        }
        out
    }

    /// The domain of the address in the form's `values` that discovery should ask about
    /// now (once per domain per page), or nothing.
    pub fn ask(&mut self, values: Array) -> Option<String> {
        let domain = WidgetCore::typed_domain(&settings_of(&values))?;
        if self.asked.contains(&domain) {
            return None;
        }
        self.asked.push(domain.clone());
        Some(domain)
    }

    /// What discovery found for `domain`: `profile` is its answer's profile (anything
    /// else when it brought none). True when the engine can read it, which changes the
    /// findings; a profile it cannot read is left out, never an error.
    pub fn answer(&mut self, domain: String, profile: JsValue) -> bool {
        let profile = Some(profile)
            .filter(|p| p.is_object())
            .and_then(|p| wire::profile(&p).ok().flatten());
        let found = profile.is_some();
        self.discovered.push(Discovered { domain, profile });
        found
    }

    /// The typed address's domain (of the latest check), as discovery's answers are kept.
    #[wasm_bindgen(js_name = domain)]
    pub fn typed(&self) -> Option<String> {
        WidgetCore::address(&self.settings).map(|a| a.domain)
    }

    /// For tests of a page's safety net: the next check traps the module on purpose, as a
    /// bug would.
    #[wasm_bindgen(js_name = simulateTrap)]
    pub fn simulate_trap(&mut self) {
        self.trap_next = true;
    }
}

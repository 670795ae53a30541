//! The widget's state: what a mounted checker owns, and what changes it (typing, a fix,
//! "Fix all", a pasted block, the language). Every change ends in a check and a render.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Function;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Event};

use super::form::{self, Controls};
use crate::check::check;
use crate::context::Options;
use crate::finding::{Fix, Report, Severity};
use crate::messages::Locale;
use crate::settings::{Field, FieldValue, Settings};
use crate::wasm::wire::ProbeFinding;

/// What discovery said about a domain.
#[derive(Clone, Default)]
pub(crate) struct Discovered {
    pub domain: String,
    /// The provider's name and the source it came from.
    pub provider: Option<(String, String)>,
    pub profile: Option<crate::Profile>,
    pub findings: Vec<ProbeFinding>,
    /// The lookup failed, was refused or took too long.
    pub failed: bool,
}

/// Everything a mounted widget owns.
pub(crate) struct Inner {
    pub(super) doc: Document,
    pub(super) root: Element,
    pub(super) controls: Controls,
    pub(super) locale: Locale,
    /// Fields typed in or filled, each once (a list: there are eleven fields).
    pub(super) touched: Vec<Field>,
    pub(super) report: Report,
    pub(super) probe_url: Option<String>,
    pub(super) on_change: Option<Function>,
    pub(super) trap_next: bool,
    pub(super) removers: Vec<Function>,
    pub(super) handlers: Vec<Closure<dyn FnMut(Event)>>,
    pub(super) probe_generation: u32,
    pub(super) profile: Option<crate::Profile>,
    pub(super) discover_url: Option<String>,
    pub(super) discover_timer: Option<i32>,
    /// Domains asked about on this page.
    pub(super) discover_asked: Vec<String>,
    pub(super) discovered: Vec<Discovered>,
    /// `options.complete`: every empty field is reported.
    pub(super) complete: bool,
}

pub(super) type Shared = Rc<RefCell<Option<Inner>>>;

impl Inner {
    pub(super) fn settings(&self) -> Settings {
        Settings::from_fields(|f| form::read(&self.controls, f))
    }

    pub(super) fn fill(&mut self, settings: &Settings) {
        for field in Field::ALL {
            let value = match field {
                Field::OutgoingAuth => settings.outgoing.auth.map(|b| b.to_string()),
                _ => settings.text(field).map(str::to_string),
            };
            if let Some(v) = value {
                form::write(&self.controls, field, &v);
                self.touch(field);
            }
        }
    }

    pub(super) fn apply(&mut self, field: Field, value: &FieldValue) {
        let text = match value {
            FieldValue::Text(t) => t.clone(),
            FieldValue::Port(p) => p.to_string(),
            FieldValue::Bool(b) => b.to_string(),
        };
        form::write(&self.controls, field, &text);
        self.touch(field);
    }

    pub(super) fn touch(&mut self, field: Field) {
        if !self.touched.contains(&field) {
            self.touched.push(field);
        }
    }

    /// Checks the form and shows the findings of the fields touched so far.
    pub(super) fn update(&mut self) -> Result<(), JsValue> {
        if self.trap_next {
            // Asked for by simulateTrap(): a real trap, for tests of the page's safety net.
            core::arch::wasm32::unreachable();
        }
        let settings = self.settings();
        // The typed domain matters only once discovery has answered for some domain; until
        // then no second context is built on each keystroke.
        let domain = if self.discovered.is_empty() {
            None
        } else {
            crate::context::Context::new(&settings, &Options::default())
                .address
                .map(|a| a.domain)
        };
        // The page's own profile wins for the domains it names; for another domain, what
        // discovery found for it; otherwise the page's profile as before.
        let discovered = domain.as_deref().and_then(|d| {
            self.discovered
                .iter()
                .find(|f| f.domain == d)
                .and_then(|f| f.profile.clone())
        });
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
        };
        self.report = check(&settings, &options);
        self.render()?;
        self.draw_discovery(domain.as_deref())
    }

    /// The fixes "Fix all" applies: those of errors, which are never a matter of taste.
    pub(super) fn safe_fixes(&self) -> impl Iterator<Item = &Fix> {
        self.report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .filter_map(|f| f.fix.as_ref())
    }

    pub(super) fn fix_one(&mut self, index: usize) -> Result<(), JsValue> {
        let Some(finding) = self.report.findings.get(index).cloned() else {
            return Ok(());
        };
        if let Some(fix) = &finding.fix {
            for edit in &fix.edits {
                self.apply(edit.field, &edit.value);
            }
        }
        self.update()?;
        // The fix button is gone with its finding: focus goes to the field it fixed.
        if let Some(input) = self.controls.input(finding.place) {
            form::focus(input);
        }
        Ok(())
    }

    pub(super) fn fix_all(&mut self) -> Result<(), JsValue> {
        // One fix can uncover the next (a comma fixed shows a misspelt domain): a few rounds.
        for _ in 0..8 {
            let edits: Vec<_> = self
                .safe_fixes()
                .take(1)
                .flat_map(|f| f.edits.clone())
                .collect();
            if edits.is_empty() {
                break;
            }
            for e in &edits {
                self.apply(e.field, &e.value);
            }
            self.update()?;
        }
        Ok(())
    }

    pub(super) fn set_locale(&mut self, locale: Locale) -> Result<(), JsValue> {
        self.locale = locale;
        self.root.set_attribute("lang", locale.tag())?;
        form::label(&self.controls, locale)?;
        self.update()
    }
}

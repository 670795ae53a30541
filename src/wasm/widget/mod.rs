//! The widget: a form that checks itself on every keystroke, shows each finding next to its
//! field with a one-click fix, reads pasted blocks, switches language in place and, when the
//! page gives a probe endpoint, tests the connection. Built on web-sys over the engine, and
//! exported as `mount()` and the custom element `<mail-settings-check>`.

mod form;
mod probe;

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::{Rc, Weak};

use js_sys::Function;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, Document, Element, Event, HtmlElement, HtmlTextAreaElement};

use self::form::Controls;
use crate::check::check;
use crate::context::Options;
use crate::finding::{Report, Severity};
use crate::messages::{self, Arg, Locale};
use crate::settings::{Field, FieldValue, IncomingSettings, OutgoingSettings, Settings};
use crate::wasm::read::get;

#[wasm_bindgen(module = "/src/wasm/widget/guard.js")]
extern "C" {
    fn listen(
        target: &web_sys::EventTarget,
        kind: &str,
        handler: &Function,
        root: &Element,
    ) -> Function;
    #[wasm_bindgen(js_name = defineElement)]
    fn define_element(mount: &JsValue);
}

/// Everything a mounted widget owns.
pub(crate) struct Inner {
    doc: Document,
    root: Element,
    controls: Controls,
    locale: Locale,
    touched: BTreeSet<Field>,
    report: Report,
    probe_url: Option<String>,
    on_change: Option<Function>,
    trap_next: bool,
    removers: Vec<Function>,
    handlers: Vec<Closure<dyn FnMut(Event)>>,
    probe_generation: u32,
    profile: Option<crate::Profile>,
}

type Shared = Rc<RefCell<Option<Inner>>>;

/// A mounted checker. `destroy()` removes every node and listener it added.
#[wasm_bindgen]
pub struct Widget {
    inner: Shared,
}

fn js_err(e: JsValue) -> JsError {
    JsError::new(&format!(
        "maillint: {}",
        e.as_string()
            .unwrap_or_else(|| "the page refused a DOM change".to_string())
    ))
}

/// The page's language: its `lang`, then the browser's.
fn page_locale(doc: &Document) -> Locale {
    let lang = doc
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .filter(|l| !l.is_empty())
        .or_else(|| web_sys::window().and_then(|w| w.navigator().language()));
    lang.as_deref().map(Locale::from_tag).unwrap_or_default()
}

impl Inner {
    fn settings(&self) -> Settings {
        let r = |f| form::read(&self.controls, f);
        Settings {
            email: r(Field::Email),
            incoming: IncomingSettings {
                protocol: r(Field::IncomingProtocol),
                host: r(Field::IncomingHost),
                port: r(Field::IncomingPort),
                security: r(Field::IncomingSecurity),
                username: r(Field::IncomingUsername),
            },
            outgoing: OutgoingSettings {
                host: r(Field::OutgoingHost),
                port: r(Field::OutgoingPort),
                security: r(Field::OutgoingSecurity),
                username: r(Field::OutgoingUsername),
                auth: r(Field::OutgoingAuth).map(|v| v == "true"),
            },
        }
    }

    fn fill(&mut self, settings: &Settings) {
        for field in Field::ALL {
            let value = match field {
                Field::OutgoingAuth => settings.outgoing.auth.map(|b| b.to_string()),
                _ => settings.text(field).map(str::to_string),
            };
            if let Some(v) = value {
                form::write(&self.controls, field, &v);
                self.touched.insert(field);
            }
        }
    }

    fn apply(&mut self, field: Field, value: &FieldValue) {
        let text = match value {
            FieldValue::Text(t) => t.clone(),
            FieldValue::Port(p) => p.to_string(),
            FieldValue::Bool(b) => b.to_string(),
        };
        form::write(&self.controls, field, &text);
        self.touched.insert(field);
    }

    /// Checks the form and shows the findings of the fields touched so far.
    fn update(&mut self) -> Result<(), JsValue> {
        if self.trap_next {
            // Asked for by simulateTrap(): a real trap, for tests of the page's safety net.
            core::arch::wasm32::unreachable();
        }
        let options = Options {
            locale: self.locale,
            complete: false,
            profile: self.profile.clone(),
        };
        self.report = check(&self.settings(), &options);
        self.render()
    }

    fn render(&self) -> Result<(), JsValue> {
        let mut problems = 0;
        for field in Field::ALL {
            let Some(box_) = self.controls.messages(field) else {
                continue;
            };
            box_.set_text_content(None);
            let mut invalid = false;
            if self.touched.contains(&field) {
                for (index, finding) in self.report.findings.iter().enumerate() {
                    if finding.place != field {
                        continue;
                    }
                    if finding.severity != Severity::Info {
                        problems += 1;
                    }
                    invalid |= finding.severity == Severity::Error;
                    let node = self.finding_node(index)?;
                    box_.append_child(&node)?;
                }
            }
            if let Some(input) = self.controls.input(field) {
                if invalid {
                    input.set_attribute("aria-invalid", "true")?;
                } else {
                    input.remove_attribute("aria-invalid")?;
                }
            }
        }
        let ui = messages::ui(self.locale);
        let summary = if problems == 0 {
            if self.touched.is_empty() {
                ""
            } else {
                ui.no_problems
            }
            .to_string()
        } else {
            messages::fill(
                ui.problems,
                &[("count", Arg::Text(problems.to_string()))],
                self.locale,
            )
        };
        self.controls.summary.set_text_content(Some(&summary));
        let fixable = self.safe_fixes().next().is_some();
        if fixable {
            self.controls.fix_all.remove_attribute("disabled")?;
        } else {
            self.controls.fix_all.set_attribute("disabled", "")?;
        }
        self.root
            .set_attribute("data-maillint-unavailable", ui.unavailable)?;
        self.root.set_attribute("data-maillint-reload", ui.reload)?;
        Ok(())
    }

    fn finding_node(&self, index: usize) -> Result<Element, JsValue> {
        let Some(f) = self.report.findings.get(index) else {
            return Err(JsValue::from_str("no such finding"));
        };
        let item = form::el(&self.doc, "div", "maillint-finding")?;
        item.set_attribute("data-code", f.code.as_str())?;
        item.set_attribute("data-severity", f.severity.as_str())?;
        let message = form::el(&self.doc, "p", "maillint-message")?;
        message.set_text_content(Some(&f.message));
        item.append_child(&message)?;
        if let Some(help) = &f.help {
            let p = form::el(&self.doc, "p", "maillint-help")?;
            p.set_text_content(Some(help.as_ref()));
            item.append_child(&p)?;
        }
        if let Some(fix) = &f.fix {
            let button = form::el(&self.doc, "button", "maillint-fix")?;
            button.set_attribute("type", "button")?;
            button.set_attribute("data-fix", &index.to_string())?;
            button.set_text_content(Some(&fix.title));
            item.append_child(&button)?;
        }
        Ok(item)
    }

    /// The fixes "Fix all" applies: those of errors, which are never a matter of taste.
    fn safe_fixes(&self) -> impl Iterator<Item = &crate::finding::Fix> {
        self.report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .filter_map(|f| f.fix.as_ref())
    }

    fn fix_one(&mut self, index: usize) -> Result<(), JsValue> {
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
            if let Some(h) = input.dyn_ref::<HtmlElement>() {
                h.focus()?;
            }
        }
        Ok(())
    }

    fn fix_all(&mut self) -> Result<(), JsValue> {
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

    fn set_locale(&mut self, locale: Locale) -> Result<(), JsValue> {
        self.locale = locale;
        self.root.set_attribute("lang", locale.tag())?;
        form::label(&self.controls, locale)?;
        self.update()
    }

    fn on_input(&mut self, event: &Event) -> Result<(), JsValue> {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return Ok(());
        };
        let name = target.get_attribute("name").unwrap_or_default();
        if name == "maillint-locale" {
            let tag = target
                .dyn_ref::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            return self.set_locale(Locale::from_tag(&tag));
        }
        if name == "maillint-paste" {
            if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
                let parsed = crate::parse_settings(&area.value());
                self.fill(&parsed);
            }
        } else if let Some(field) = Field::from_path(&name) {
            self.touched.insert(field);
        }
        self.update()
    }

    fn on_paste(&mut self, event: &Event) -> Result<(), JsValue> {
        let Some(text) = event
            .dyn_ref::<ClipboardEvent>()
            .and_then(|e| e.clipboard_data())
            .and_then(|d| d.get_data("text").ok())
        else {
            return Ok(());
        };
        // A whole block of settings pasted into the address field fills the form.
        if !text.trim().contains('\n') {
            return Ok(());
        }
        event.prevent_default();
        let parsed = crate::parse_settings(&text);
        self.fill(&parsed);
        self.update()
    }
}

fn on_click(shared: &Shared, event: &Event) -> Result<(), JsValue> {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return Ok(());
    };
    let Some(button) = target.closest("button")? else {
        return Ok(());
    };
    let Ok(mut guard) = shared.try_borrow_mut() else {
        return Ok(());
    };
    let Some(inner) = guard.as_mut() else {
        return Ok(());
    };
    if let Some(index) = button
        .get_attribute("data-fix")
        .and_then(|i| i.parse::<usize>().ok())
    {
        return inner.fix_one(index);
    }
    if button == inner.controls.fix_all {
        return inner.fix_all();
    }
    if button == inner.controls.test {
        drop(guard);
        probe::start(shared);
    }
    Ok(())
}

/// Adds a guarded listener whose handler reaches the widget through a weak reference, so
/// that the listeners never keep a destroyed widget alive.
fn add_listener(
    shared: &Shared,
    target: &web_sys::EventTarget,
    kind: &str,
    handle: fn(&Shared, &Event) -> Result<(), JsValue>,
) -> Result<(), JsValue> {
    let weak: Weak<RefCell<Option<Inner>>> = Rc::downgrade(shared);
    let closure = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        if let Some(shared) = weak.upgrade() {
            if let Err(e) = handle(&shared, &event) {
                web_sys::console::error_1(&e);
            }
            notify(&shared);
        }
    });
    let mut guard = shared
        .try_borrow_mut()
        .map_err(|_| JsValue::from_str("busy"))?;
    let Some(inner) = guard.as_mut() else {
        return Ok(());
    };
    let remove = listen(target, kind, closure.as_ref().unchecked_ref(), &inner.root);
    inner.removers.push(remove);
    inner.handlers.push(closure);
    Ok(())
}

/// Calls the page's `onChange(report)` with no borrow held, so the callback may call the
/// widget's own methods.
fn notify(shared: &Shared) {
    let call = match shared.try_borrow() {
        Ok(guard) => guard.as_ref().and_then(|inner| {
            let f = inner.on_change.clone()?;
            let report = crate::wasm::wire::report_to_js(&inner.report);
            Some((f, report))
        }),
        Err(_) => None,
    };
    if let Some((f, report)) = call {
        if let Err(e) = f.call1(&JsValue::NULL, &report) {
            web_sys::console::error_1(&e);
        }
    }
}

fn with_inner(
    shared: &Shared,
    f: impl FnOnce(&mut Inner) -> Result<(), JsValue>,
) -> Result<(), JsValue> {
    match shared.try_borrow_mut() {
        Ok(mut guard) => match guard.as_mut() {
            Some(inner) => f(inner),
            None => Ok(()),
        },
        Err(_) => Ok(()),
    }
}

/// Mounts the checker inside `element` and returns it.
pub fn mount_in(host: HtmlElement, options: JsValue) -> Result<Widget, JsError> {
    let doc = host
        .owner_document()
        .ok_or_else(|| JsError::new("maillint: the element is not in a document"))?;
    let root = form::el(&doc, "div", "maillint").map_err(js_err)?;
    let uid = format!("maillint-{}", next_uid());
    let controls = form::build(&doc, &root, &uid).map_err(js_err)?;
    let locale = get(&options, "locale")
        .as_string()
        .map(|t| Locale::from_tag(&t))
        .unwrap_or_else(|| page_locale(&doc));
    let probe_url = get(&options, "probeUrl")
        .as_string()
        .filter(|u| !u.is_empty());
    let on_change = get(&options, "onChange").dyn_into::<Function>().ok();
    if probe_url.is_none() {
        controls.test.set_attribute("hidden", "").map_err(js_err)?;
    }
    let profile = crate::wasm::api::profile_from_js(&get(&options, "profile"))?;
    let initial = get(&options, "initial");
    let initial: Option<Settings> = if initial.is_object() {
        Some(crate::wasm::wire::check_input(&initial, &JsValue::UNDEFINED)?.settings)
    } else {
        None
    };
    host.append_child(&root).map_err(js_err)?;
    let mut inner = Inner {
        doc,
        root: root.clone(),
        controls,
        locale,
        touched: BTreeSet::new(),
        report: Report::new(Vec::new()),
        probe_url,
        on_change,
        trap_next: false,
        removers: Vec::new(),
        handlers: Vec::new(),
        probe_generation: 0,
        profile,
    };
    // Default: sending requires authentication, as at nearly every provider.
    form::write(&inner.controls, Field::OutgoingAuth, "true");
    if let Some(s) = &initial {
        inner.fill(s);
    }
    inner.set_locale(locale).map_err(js_err)?;
    let email = inner.controls.input(Field::Email).cloned();
    let shared: Shared = Rc::new(RefCell::new(Some(inner)));
    let target: &web_sys::EventTarget = root.as_ref();
    add_listener(&shared, target, "input", |s, e| {
        with_inner(s, |i| i.on_input(e))
    })
    .map_err(js_err)?;
    add_listener(&shared, target, "click", on_click).map_err(js_err)?;
    if let Some(email) = email {
        add_listener(&shared, email.as_ref(), "paste", |s, e| {
            with_inner(s, |i| i.on_paste(e))
        })
        .map_err(js_err)?;
    }
    Ok(Widget { inner: shared })
}

fn next_uid() -> u32 {
    thread_local!(static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    NEXT.with(|n| {
        let v = n.get().wrapping_add(1);
        n.set(v);
        v
    })
}

impl Widget {
    /// Runs `f` on the mounted widget; an error when it is destroyed or busy.
    fn read<T>(&self, f: impl FnOnce(&Inner) -> Result<T, JsError>) -> Result<T, JsError> {
        let guard = self
            .inner
            .try_borrow()
            .map_err(|_| JsError::new("maillint: the widget is busy"))?;
        let inner = guard
            .as_ref()
            .ok_or_else(|| JsError::new("maillint: the widget was destroyed"))?;
        f(inner)
    }
}

#[wasm_bindgen]
impl Widget {
    /// The settings as currently typed.
    #[wasm_bindgen(unchecked_return_type = "Settings")]
    pub fn settings(&self) -> Result<JsValue, JsError> {
        self.read(|inner| crate::wasm::api::settings_to_js(&inner.settings()))
    }

    /// The latest report: every finding, touched fields or not.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn report(&self) -> Result<JsValue, JsError> {
        self.read(|inner| Ok(crate::wasm::wire::report_to_js(&inner.report)))
    }

    /// Switches labels and messages to another locale, keeping what was typed.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, locale: &str) -> Result<(), JsError> {
        with_inner(&self.inner, |i| i.set_locale(Locale::from_tag(locale))).map_err(js_err)
    }

    /// Removes every node and listener the widget added. Calling it twice does nothing.
    pub fn destroy(&self) {
        let Ok(mut guard) = self.inner.try_borrow_mut() else {
            return;
        };
        if let Some(inner) = guard.take() {
            for remove in &inner.removers {
                let _ = remove.call0(&JsValue::NULL);
            }
            inner.root.remove();
        }
    }

    /// For tests of a page's safety net: makes this widget's next check trap the module on
    /// purpose, as a bug would.
    #[wasm_bindgen(js_name = simulateTrap)]
    pub fn simulate_trap(&self) {
        if let Ok(mut guard) = self.inner.try_borrow_mut() {
            if let Some(inner) = guard.as_mut() {
                inner.trap_next = true;
            }
        }
    }
}

/// Registers `<mail-settings-check>` when the module starts.
pub fn register_element() {
    let mount = Closure::<dyn Fn(HtmlElement, JsValue) -> Result<Widget, JsError>>::new(mount_in);
    define_element(&mount.into_js_value());
}

//! The widget: a form that checks itself on every keystroke, shows each finding next to its
//! field with a one-click fix, reads pasted blocks, switches language in place and, when the
//! page gives a probe endpoint, tests the connection. Built on web-sys over the engine, and
//! exported as `mount()` and the custom element `<mail-settings-check>`. Split by concern:
//! `state` (what a mounted widget owns and what changes it), `view` (drawing the findings),
//! `events` (listeners), `form` (the controls) and `probe` ("Test connection").

mod discover;
mod events;
mod form;
mod probe;
mod state;
mod summary;
mod view;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Document, HtmlElement};

use self::events::{add_listener, on_click, with_inner};
use self::state::{Inner, Shared};
use crate::finding::Report;
use crate::messages::Locale;
use crate::settings::Field;
use crate::wasm::wire;

/// A mounted checker. `destroy()` removes every node and listener it added.
#[wasm_bindgen]
pub struct Widget {
    inner: Shared,
}

fn js_err(e: JsValue) -> JsValue {
    wire::error(&format!(
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

/// Mounts the checker inside `element` and returns it.
pub fn mount_in(host: HtmlElement, options: JsValue) -> Result<Widget, JsValue> {
    let doc = host
        .owner_document()
        .ok_or_else(|| wire::error("maillint: the element is not in a document"))?;
    let root = form::el(&doc, "div", "maillint", "");
    let uid = format!("maillint-{}", next_uid());
    let controls = form::build(&doc, &root, &uid).map_err(js_err)?;
    let wire::MountOptions {
        locale,
        probe_url,
        discover_url,
        on_change,
        profile,
        initial,
        complete,
    } = wire::mount_options(&options)?;
    let locale = locale.unwrap_or_else(|| page_locale(&doc));
    if probe_url.is_none() {
        controls.test.set_attribute("hidden", "").map_err(js_err)?;
    }
    host.append_child(&root).map_err(js_err)?;
    let mut inner = Inner {
        doc,
        root: root.clone(),
        controls,
        locale,
        touched: Vec::new(),
        report: Report::new(Vec::new()),
        probe_url,
        on_change,
        trap_next: false,
        removers: Vec::new(),
        handlers: Vec::new(),
        probe_generation: 0,
        profile,
        discover_url,
        discover_timer: None,
        discover_asked: Vec::new(),
        discovered: Vec::new(),
        complete,
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
        add_listener(&shared, email.as_ref(), "input", |s, _| {
            discover::on_email_input(s);
            Ok(())
        })
        .map_err(js_err)?;
        add_listener(&shared, email.as_ref(), "focusout", |s, _| {
            discover::on_email_leave(s);
            Ok(())
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
    fn read<T>(&self, f: impl FnOnce(&Inner) -> Result<T, JsValue>) -> Result<T, JsValue> {
        let guard = self
            .inner
            .try_borrow()
            .map_err(|_| wire::error("maillint: the widget is busy"))?;
        let inner = guard
            .as_ref()
            .ok_or_else(|| wire::error("maillint: the widget was destroyed"))?;
        f(inner)
    }
}

#[wasm_bindgen]
impl Widget {
    /// The settings as currently typed.
    #[wasm_bindgen(unchecked_return_type = "Settings")]
    pub fn settings(&self) -> Result<JsValue, JsValue> {
        self.read(|inner| wire::settings(&inner.settings()))
    }

    /// The latest report: every finding, touched fields or not.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn report(&self) -> Result<JsValue, JsValue> {
        self.read(|inner| Ok(wire::report(&inner.report, inner.locale)))
    }

    /// The settings as typed and each finding, as plain text in the widget's language (what
    /// "Copy summary" puts on the clipboard).
    pub fn summary(&self) -> Result<String, JsValue> {
        self.read(|inner| Ok(inner.summary()))
    }

    /// Switches labels and messages to another locale, keeping what was typed.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] locale: JsValue,
    ) -> Result<(), JsValue> {
        let locale = locale
            .as_string()
            .ok_or_else(|| wire::type_error("maillint: setLocale takes a language tag"))?;
        with_inner(&self.inner, |i| i.set_locale(Locale::from_tag(&locale))).map_err(js_err)
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

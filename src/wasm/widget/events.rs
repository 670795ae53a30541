//! The widget's events: input, paste and click, each through the guard in `page.js`
//! (a trap inside the module never reaches the page), and the page's `onChange`.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use js_sys::Function;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

use super::probe;
use super::state::{Inner, Shared};
use crate::messages::Locale;
use crate::settings::Field;

#[wasm_bindgen(module = "/src/wasm/widget/page.js")]
extern "C" {
    fn listen(
        target: &web_sys::EventTarget,
        kind: &str,
        handler: &Function,
        root: &Element,
    ) -> Function;

    /// The text a paste event carries, if any.
    #[wasm_bindgen(js_name = pastedText)]
    fn pasted_text(event: &Event) -> Option<String>;
}

impl Inner {
    pub(super) fn on_input(&mut self, event: &Event) -> Result<(), JsValue> {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return Ok(());
        };
        let name = target.get_attribute("name").unwrap_or_default();
        if name == "maillint-locale" {
            let tag = super::form::value_of(&target);
            return self.set_locale(Locale::from_tag(&tag));
        }
        if name == "maillint-paste" {
            let parsed = crate::parse_settings(&super::form::value_of(&target));
            self.fill(&parsed);
        } else if let Some(field) = Field::from_path(&name) {
            self.touch(field);
        }
        self.update()
    }

    pub(super) fn on_paste(&mut self, event: &Event) -> Result<(), JsValue> {
        let Some(text) = pasted_text(event) else {
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

pub(super) fn on_click(shared: &Shared, event: &Event) -> Result<(), JsValue> {
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
        return Ok(());
    }
    if button == inner.controls.copy {
        drop(guard);
        super::summary::copy(shared);
    }
    Ok(())
}

/// Adds a guarded listener whose handler reaches the widget through a weak reference, so
/// that the listeners never keep a destroyed widget alive.
pub(super) fn add_listener(
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
pub(super) fn notify(shared: &Shared) {
    let call = match shared.try_borrow() {
        Ok(guard) => guard.as_ref().and_then(|inner| {
            let f = inner.on_change.clone()?;
            let report = crate::wasm::wire::report(&inner.report, inner.locale);
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

pub(super) fn with_inner(
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

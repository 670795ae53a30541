//! Discovery in the widget: once the address holds a valid address and the customer pauses
//! or leaves the field, the page's `discoverUrl` is asked about its domain (once per domain
//! per page, never on each keystroke). What it learnt is one short line under the address,
//! its findings (`domain-no-mail`, `sources-disagree`) beside it, and, when the page has no
//! profile of its own for that domain, the discovered profile checks the settings. A failed,
//! slow or refused discovery never blocks the form; it says at most "couldn't look up".

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{Discovered, Shared};
use crate::context::{Context, Options};
use crate::wasm::wire;

/// How long the customer pauses in the address before the domain is asked about.
const PAUSE_MS: i32 = 800;
/// How long an answer may take; the backend's own deadline is shorter.
const TIMEOUT_MS: u32 = 12_000;

/// The typed address's domain, when it is one discovery can ask about.
fn typed_domain(shared: &Shared) -> Option<String> {
    let guard = shared.try_borrow().ok()?;
    typed_domain_of(guard.as_ref()?)
}

fn typed_domain_of(inner: &super::state::Inner) -> Option<String> {
    let settings = inner.settings();
    let options = Options::default();
    let ctx = Context::new(&settings, &options);
    let address = ctx.address.as_ref().filter(|a| a.usable)?;
    address.domain.contains('.').then(|| address.domain.clone())
}

/// The address changed: asks after a pause (a newer change restarts the pause).
pub(super) fn on_email_input(shared: &Shared) {
    let Ok(mut guard) = shared.try_borrow_mut() else {
        return;
    };
    let Some(inner) = guard.as_mut() else { return };
    if inner.discover_url.is_none() {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(timer) = inner.discover_timer.take() {
        window.clear_timeout_with_handle(timer);
    }
    let weak = Rc::downgrade(shared);
    let callback = Closure::once_into_js(move || {
        if let Some(shared) = weak.upgrade() {
            ask(&shared);
        }
    });
    inner.discover_timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), PAUSE_MS)
        .ok();
}

/// The customer left the address field: asks at once.
pub(super) fn on_email_leave(shared: &Shared) {
    if let Ok(mut guard) = shared.try_borrow_mut() {
        if let (Some(inner), Some(window)) = (guard.as_mut(), web_sys::window()) {
            if let Some(timer) = inner.discover_timer.take() {
                window.clear_timeout_with_handle(timer);
            }
        }
    }
    ask(shared);
}

/// Asks about the typed domain, once per domain per page.
fn ask(shared: &Shared) {
    let Some(domain) = typed_domain(shared) else {
        return;
    };
    let (url, locale) = {
        let Ok(mut guard) = shared.try_borrow_mut() else {
            return;
        };
        let Some(inner) = guard.as_mut() else { return };
        let Some(url) = inner.discover_url.clone() else {
            return;
        };
        if inner.discover_asked.contains(&domain) {
            return;
        }
        inner.discover_asked.push(domain.clone());
        (url, inner.locale)
    };
    let Some(root) = shared
        .try_borrow()
        .ok()
        .and_then(|g| g.as_ref().map(|i| i.root.clone()))
    else {
        return;
    };
    let weak = Rc::downgrade(shared);
    // Only the domain leaves the browser.
    let Ok(quoted) = serde_json::to_string(&domain) else {
        return;
    };
    let body = format!("{{\"domain\":{quoted}}}");
    super::probe::post(
        &root,
        &url,
        &body,
        locale,
        TIMEOUT_MS,
        true,
        move |answer| {
            let found = match answer {
                super::probe::Answer::Value(value) => found(&domain, &value),
                _ => Discovered {
                    domain: domain.clone(),
                    failed: true,
                    ..Discovered::default()
                },
            };
            let Some(shared) = weak.upgrade() else { return };
            let result = super::events::with_inner(&shared, |inner| {
                // Only a profile changes the findings; otherwise the line alone is drawn.
                let recheck = found.profile.is_some();
                inner.discovered.push(found);
                if recheck {
                    inner.update()
                } else {
                    let domain = typed_domain_of(inner);
                    inner.draw_discovery(domain.as_deref())
                }
            });
            if let Err(e) = result {
                web_sys::console::error_1(&e);
            }
            super::events::notify(&shared);
        },
    );
}

/// What discovery's answer for `domain` says.
fn found(domain: &str, value: &JsValue) -> Discovered {
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &JsValue::from_str(k)).ok();
    let provider = get(value, "provider")
        .filter(|p| p.is_object())
        .and_then(|p| {
            let name = get(&p, "name")?.as_string()?;
            let source = get(&p, "source")?.as_string()?;
            Some((name, source))
        });
    // A profile the engine cannot read is left out, never an error.
    let profile = get(value, "profile")
        .filter(|p| p.is_object())
        .and_then(|p| wire::profile(&p).ok().flatten());
    Discovered {
        domain: domain.to_string(),
        provider,
        profile,
        findings: wire::findings_of(value),
        failed: false,
    }
}

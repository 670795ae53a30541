//! "Test connection": asks the page's probe endpoint about the incoming and outgoing server
//! and shows each step's result in the same style as the findings. The form keeps working
//! while it waits; a failed or slow backend gives a clear message, never a frozen form.

use std::rc::{Rc, Weak};

use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::form;
use super::state::{Inner, Shared};
use crate::context::{Context, Options};
use crate::messages::{self, Arg, Locale};
use crate::wasm::wire::{self, ProbeFinding, ProbeResponse};

/// How long one probe may take before the widget gives up on it.
const TIMEOUT_MS: u32 = 15_000;

#[derive(Serialize, Clone)]
struct ProbeRequest {
    host: String,
    port: u16,
    protocol: &'static str,
    security: &'static str,
}

#[wasm_bindgen(module = "/src/wasm/widget/page.js")]
extern "C" {
    #[wasm_bindgen(js_name = postJson)]
    fn post_json(
        url: &str,
        body: &str,
        locale: &str,
        timeout_ms: u32,
        ok_only: bool,
        root: &Element,
        done: &JsValue,
    );
}

/// What one of the page's backend endpoints answered.
pub(super) enum Answer {
    /// Its JSON object.
    Value(JsValue),
    TimedOut,
    Unreachable,
}

/// A JSON POST to one of the page's backend endpoints, in the widget's language, given up
/// after `timeout_ms` (see `postJson` in `page.js`); `then` gets the answer, under the trap
/// guard of the widget whose element is `root`. With `ok_only`, an answer that is not 2xx
/// counts as none; otherwise it is read too (the probe's 4xx answers carry a finding).
pub(super) fn post(
    root: &Element,
    url: &str,
    body: &str,
    locale: Locale,
    timeout_ms: u32,
    ok_only: bool,
    then: impl FnOnce(Answer) + 'static,
) {
    let done = Closure::once_into_js(move |answer: JsValue| {
        then(match answer.as_string().as_deref() {
            None if answer.is_object() => Answer::Value(answer),
            Some("timeout") => Answer::TimedOut,
            _ => Answer::Unreachable,
        })
    });
    post_json(url, body, locale.tag(), timeout_ms, ok_only, root, &done);
}

enum Outcome {
    Answered(ProbeResponse),
    TimedOut,
    Unreachable,
}

pub(super) fn finding_node(doc: &web_sys::Document, f: &ProbeFinding) -> Element {
    let attributes = format!(
        "data-code\0{}\0data-severity\0{}",
        form::attribute_value(&f.code),
        form::attribute_value(&f.severity)
    );
    let item = form::el(doc, "div", "maillint-finding", &attributes);
    form::add(doc, &item, "p", "maillint-message", "", Some(&f.message));
    if let Some(help) = &f.help {
        form::add(doc, &item, "p", "maillint-help", "", Some(help));
    }
    item
}

fn show(shared: &Shared, generation: u32, server: &str, outcome: Outcome) -> Result<(), JsValue> {
    let Ok(guard) = shared.try_borrow() else {
        return Ok(());
    };
    let Some(inner) = guard.as_ref() else {
        return Ok(());
    };
    if inner.probe_generation != generation {
        return Ok(());
    }
    let ui = messages::ui(inner.locale);
    let doc = &inner.doc;
    let ok = matches!(&outcome, Outcome::Answered(r) if r.ok);
    let block = form::el(
        doc,
        "div",
        "maillint-probe-result",
        if ok {
            "data-ok\0true"
        } else {
            "data-ok\0false"
        },
    );
    let args = [("server", Arg::Text(server.to_string()))];
    match outcome {
        Outcome::Answered(r) => {
            let text = if ok { ui.probe_ok } else { ui.probe_failed };
            let head = messages::fill(text, &args, inner.locale);
            form::add(doc, &block, "p", "maillint-probe-head", "", Some(&head));
            let list = form::add(doc, &block, "ul", "maillint-steps", "", None);
            for s in &r.steps {
                let mark = if s.ok { "✓" } else { "✗" };
                // The server names the step and its detail in the request's language.
                let line = messages::fill(
                    ui.step_line,
                    &[
                        ("mark", Arg::Text(mark.to_string())),
                        (
                            "step",
                            Arg::Text(s.label.clone().unwrap_or_else(|| s.step.clone())),
                        ),
                        ("detail", Arg::Text(s.detail.clone())),
                        ("ms", Arg::Count(s.ms.clamp(0.0, 1e9) as u64)),
                    ],
                    inner.locale,
                );
                let attributes = format!(
                    "data-step\0{}\0data-ok\0{}",
                    form::attribute_value(&s.step),
                    s.ok
                );
                form::add(doc, &list, "li", "maillint-step", &attributes, Some(&line));
            }
            for f in r.findings.iter().chain(r.finding.iter()) {
                let node = finding_node(doc, f);
                block.append_child(&node)?;
            }
        }
        Outcome::TimedOut | Outcome::Unreachable => {
            let text = if matches!(outcome, Outcome::TimedOut) {
                ui.probe_timeout
            } else {
                ui.probe_unreachable
            };
            form::add(
                doc,
                &block,
                "p",
                "maillint-probe-head",
                "role\0alert",
                Some(text),
            );
        }
    }
    inner.controls.probe.append_child(&block)?;
    Ok(())
}

fn finish(shared: &Shared, generation: u32) {
    if let Ok(guard) = shared.try_borrow() {
        if let Some(inner) = guard.as_ref() {
            if inner.probe_generation == generation {
                let _ = inner.controls.test.remove_attribute("disabled");
                let _ = inner.controls.test.remove_attribute("aria-busy");
                inner
                    .controls
                    .test
                    .set_text_content(Some(messages::ui(inner.locale).test_connection));
            }
        }
    }
}

/// Starts a test of both servers; a new click supersedes the previous test.
pub fn start(shared: &Shared) {
    let Ok(mut guard) = shared.try_borrow_mut() else {
        return;
    };
    let Some(inner) = guard.as_mut() else { return };
    let Some(url) = inner.probe_url.clone() else {
        return;
    };
    let settings = inner.settings();
    let options = Options::default();
    let ctx = Context::new(&settings, &options);
    let requests: Vec<ProbeRequest> = ctx
        .sides()
        .iter()
        .filter_map(|side| {
            let host = side.host.as_ref().filter(|h| !h.opaque)?;
            let port = side.port?;
            let security = side.security.unwrap_or_else(|| {
                crate::settings::Security::of_standard_port(port)
                    .unwrap_or(crate::settings::Security::Tls)
            });
            Some(ProbeRequest {
                host: host.name.clone(),
                port,
                protocol: side.protocol.as_str(),
                security: security.as_str(),
            })
        })
        .collect();
    inner.probe_generation = inner.probe_generation.wrapping_add(1);
    let generation = inner.probe_generation;
    let locale = inner.locale;
    let ui = messages::ui(locale);
    inner.controls.probe.set_text_content(None);
    if requests.is_empty() {
        inner
            .controls
            .probe
            .set_text_content(Some(ui.probe_needs_server));
        return;
    }
    let _ = inner.controls.test.set_attribute("disabled", "");
    let _ = inner.controls.test.set_attribute("aria-busy", "true");
    inner.controls.test.set_text_content(Some(ui.testing));
    let root = inner.root.clone();
    drop(guard);
    // The last request first: `next` takes them from the end.
    let mut requests = requests;
    requests.reverse();
    next(
        Rc::downgrade(shared),
        root,
        url,
        requests,
        generation,
        locale,
    );
}

/// Sends the next request of a test (one at a time, in form order), shows its outcome and
/// goes on with the rest; a destroyed widget ends the test.
fn next(
    weak: Weak<std::cell::RefCell<Option<Inner>>>,
    root: Element,
    url: String,
    mut requests: Vec<ProbeRequest>,
    generation: u32,
    locale: Locale,
) {
    let Some(request) = requests.pop() else {
        if let Some(shared) = weak.upgrade() {
            finish(&shared, generation);
        }
        return;
    };
    let server = format!("{}:{}", request.host, request.port);
    let Ok(body) = serde_json::to_string(&request) else {
        if let Some(shared) = weak.upgrade() {
            let _ = show(&shared, generation, &server, Outcome::Unreachable);
        }
        return next(weak, root, url, requests, generation, locale);
    };
    let root_next = root.clone();
    let url_next = url.clone();
    post(
        &root,
        &url,
        &body,
        locale,
        TIMEOUT_MS,
        false,
        move |answer| {
            let Some(shared) = weak.upgrade() else { return };
            let outcome = match answer {
                Answer::Value(v) => Outcome::Answered(wire::probe_answer(&v)),
                Answer::TimedOut => Outcome::TimedOut,
                Answer::Unreachable => Outcome::Unreachable,
            };
            if let Err(e) = show(&shared, generation, &server, outcome) {
                web_sys::console::error_1(&e);
            }
            next(weak, root_next, url_next, requests, generation, locale);
        },
    );
}

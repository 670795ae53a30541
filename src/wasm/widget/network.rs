//! What the widget asks the page's backend: "Test connection" (one probe per server, one
//! after the other) and discovery (the address's domain, once per domain, after a pause or
//! when the customer leaves the field). Requests go through web-sys's `fetch`; each answer
//! comes back through a callback under the trap guard, so nothing here waits, and the
//! backend's JSON is read leniently into the types below (what is missing or of the wrong
//! type reads as absent).

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::answer::{get, items, text, yes};
use super::dom::{self, make, Dom};
use super::view::backend_findings;
use super::{guarded, with_state, Discovered, Shared, State};
use crate::context::{Context, Options};
use crate::messages::{self, Arg};
use crate::settings::Security;
use crate::wasm::promise::{once, Handler, Thenable};

/// How long the customer pauses in the address before its domain is asked about, and how
/// long a discovery answer and a connection test may take.
const PAUSE_MS: i32 = 800;
const DISCOVER_TIMEOUT_MS: u32 = 12_000;
const PROBE_TIMEOUT_MS: u32 = 15_000;

/// What a probe asks about one server.
#[derive(Serialize)]
struct ProbeRequest {
    host: String,
    port: u16,
    protocol: &'static str,
    security: &'static str,
}

#[derive(Serialize)]
struct JsonHeaders {
    #[serde(rename = "content-type")]
    content_type: &'static str,
}

#[derive(Serialize)]
struct DiscoverRequest<'a> {
    domain: &'a str,
}

/// How a request ended: the answer's JSON object, too slow, or no usable answer (none, one
/// that is not a JSON object, or for discovery one that is not 2xx).
pub enum Answer {
    Object(JsValue),
    Timeout,
    Unreachable,
}

/// A JSON POST to the page's backend in the widget's language, given up after `timeout_ms`;
/// `done` runs once, under the guard, with how it ended.
fn post_json(
    state: &State,
    url: &str,
    body: &JsValue,
    timeout_ms: u32,
    ok_only: bool,
    done: Box<dyn FnOnce(Answer) -> Dom<()>>,
) -> Dom<()> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let separator = if url.contains('?') { '&' } else { '?' };
    // A locale's tag is letters and hyphens: nothing in it needs escaping in a query.
    let tag = state.locale.tag();
    let full = format!("{url}{separator}locale={tag}");
    let body = js_sys::JSON::stringify(body)?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&body);
    init.set_headers(&super::boundary::write(&JsonHeaders {
        content_type: "application/json",
    })?);
    init.set_signal(Some(&web_sys::AbortSignal::timeout_with_u32(timeout_ms)));
    let root = &state.form.root;
    let read = once(move |response| {
        Ok(match response.dyn_into::<web_sys::Response>() {
            Ok(r) if r.ok() || !ok_only => r.json().map(Into::into).unwrap_or(JsValue::NULL),
            _ => JsValue::NULL,
        })
    });
    // One of the two endings runs; both share `done`.
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let on_value = {
        let done = done.clone();
        once(move |value| {
            let answer = if value.is_object() {
                Answer::Object(value)
            } else {
                Answer::Unreachable
            };
            if let Some(done) = done.borrow_mut().take() {
                done(answer)?;
            }
            Ok(JsValue::UNDEFINED)
        })
    };
    let on_error = once(move |error| {
        let name = js_sys::Reflect::get(&error, &"name".into())
            .ok()
            .and_then(|n| n.as_string());
        let answer = match name.as_deref() {
            Some("TimeoutError" | "AbortError") => Answer::Timeout,
            _ => Answer::Unreachable,
        };
        if let Some(done) = done.borrow_mut().take() {
            done(answer)?;
        }
        Ok(JsValue::UNDEFINED)
    });
    let _ = window
        .fetch_with_str_and_init(&full, &init)
        .unchecked_into::<Thenable>()
        .then_call(&guarded(root, &read), &JsValue::UNDEFINED)
        .then_call(&guarded(root, &on_value), &guarded(root, &on_error));
    Ok(())
}

/// What "Test connection" asks the backend about the form's values, one request per server
/// with a name and a port, in form order.
fn probe_requests(state: &State) -> Vec<ProbeRequest> {
    let settings = state.values();
    let options = Options::default();
    let ctx = Context::new(&settings, &options);
    ctx.sides()
        .into_iter()
        .filter_map(|side| {
            let host = side.host.as_ref().filter(|h| !h.opaque)?;
            let port = side.port?;
            let security = side
                .security
                .unwrap_or_else(|| Security::of_standard_port(port).unwrap_or(Security::Tls));
            Some(ProbeRequest {
                host: host.name.clone(),
                port,
                protocol: side.protocol.as_str(),
                security: security.as_str(),
            })
        })
        .collect()
}

/// Tests both servers, one after the other; a new click supersedes the previous test.
pub fn start_probe(state: &mut State, shared: &Shared) -> Dom<()> {
    if state.probe_url.is_none() {
        return Ok(());
    }
    let requests = probe_requests(state);
    state.probe_generation = state.probe_generation.wrapping_add(1);
    let generation = state.probe_generation;
    state.form.probe.set_text_content(None);
    if requests.is_empty() {
        state
            .form
            .probe
            .set_text_content(Some(state.ui.probe_needs_server));
        return Ok(());
    }
    dom::flag(&state.form.test, "disabled", true)?;
    state.form.test.set_attribute("aria-busy", "true")?;
    state.form.test.set_text_content(Some(state.ui.testing));
    probe_next(state, shared, generation, requests, 0)
}

fn probe_next(
    state: &mut State,
    shared: &Shared,
    generation: u32,
    requests: Vec<ProbeRequest>,
    at: usize,
) -> Dom<()> {
    let Some(request) = requests.get(at) else {
        if generation == state.probe_generation {
            dom::flag(&state.form.test, "disabled", false)?;
            state.form.test.remove_attribute("aria-busy")?;
            state
                .form
                .test
                .set_text_content(Some(state.ui.test_connection));
        }
        return Ok(());
    };
    let Some(url) = state.probe_url.clone() else {
        return Ok(());
    };
    let server = format!("{}:{}", request.host, request.port);
    let body = super::boundary::write(request)?;
    let own = shared.clone();
    let done = move |answer: Answer| {
        let shared = own.clone();
        with_state(&own, move |s| {
            show_probe(s, generation, &server, &answer)?;
            probe_next(s, &shared, generation, requests, at + 1)
        })
    };
    post_json(state, &url, &body, PROBE_TIMEOUT_MS, false, Box::new(done))
}

fn show_probe(state: &State, generation: u32, server: &str, answer: &Answer) -> Dom<()> {
    if generation != state.probe_generation {
        return Ok(());
    }
    let doc = &state.doc;
    let ui = &state.ui;
    let locale = state.locale;
    let ok = matches!(answer, Answer::Object(a) if yes(a, "ok"));
    let block = make(
        doc,
        None,
        "div",
        "maillint-probe-result",
        &[("data-ok", if ok { "true" } else { "false" })],
        None,
    )?;
    match answer {
        Answer::Object(a) => {
            let head = messages::fill(
                if ok { ui.probe_ok } else { ui.probe_failed },
                &[("server", Arg::Text(server.to_string()))],
                locale,
            );
            make(
                doc,
                Some(&block),
                "p",
                "maillint-probe-head",
                &[],
                Some(&head),
            )?;
            let list = make(doc, Some(&block), "ul", "maillint-steps", &[], None)?;
            for step in items(a, "steps") {
                let passed = yes(&step, "ok");
                let ms = get(&step, "ms")
                    .as_f64()
                    .filter(|m| m.is_finite())
                    .map(|m| m.clamp(0.0, 1e9) as u64)
                    .unwrap_or(0);
                let id = text(&step, "step").unwrap_or_default();
                // The server names the step and its detail in the request's language.
                let name = text(&step, "label").unwrap_or_else(|| id.clone());
                let line = messages::fill(
                    ui.step_line,
                    &[
                        (
                            "mark",
                            Arg::Text((if passed { "✓" } else { "✗" }).to_string()),
                        ),
                        ("step", Arg::Text(name)),
                        (
                            "detail",
                            Arg::Text(text(&step, "detail").unwrap_or_default()),
                        ),
                        ("ms", Arg::Count(ms)),
                    ],
                    locale,
                );
                make(
                    doc,
                    Some(&list),
                    "li",
                    "maillint-step",
                    &[
                        ("data-step", &id),
                        ("data-ok", if passed { "true" } else { "false" }),
                    ],
                    Some(&line),
                )?;
            }
            let mut findings = items(a, "findings");
            let one = get(a, "finding");
            if one.is_object() {
                findings.push(one);
            }
            backend_findings(doc, &block, &findings)?;
        }
        _ => {
            let text = match answer {
                Answer::Timeout => ui.probe_timeout,
                _ => ui.probe_unreachable,
            };
            make(
                doc,
                Some(&block),
                "p",
                "maillint-probe-head",
                &[("role", "alert")],
                Some(text),
            )?;
        }
    }
    state.form.probe.append_child(&block)?;
    Ok(())
}

/// The guarded function the pause before discovery ends with, made once per widget.
pub fn prepare_timer(state: &mut State, shared: &Shared) -> Dom<()> {
    let own = shared.clone();
    let closure = Handler::new(move |_: JsValue| {
        let shared = own.clone();
        with_state(&own, |s| {
            s.timer = None;
            discover(s, &shared)
        })?;
        Ok(JsValue::UNDEFINED)
    });
    state.timer_function = Some(guarded(&state.form.root, closure.as_ref()));
    state.closures.push(closure);
    Ok(())
}

/// The address changed: asks after a pause (a newer change restarts the pause).
pub fn discover_later(state: &mut State, _shared: &Shared) -> Dom<()> {
    if state.discover_url.is_none() {
        return Ok(());
    }
    let (Some(window), Some(function)) = (web_sys::window(), state.timer_function.as_ref()) else {
        return Ok(());
    };
    if let Some(timer) = state.timer.take() {
        window.clear_timeout_with_handle(timer);
    }
    state.timer =
        Some(window.set_timeout_with_callback_and_timeout_and_arguments_0(function, PAUSE_MS)?);
    Ok(())
}

/// The customer left the address: asks at once.
pub fn discover_now(state: &mut State, shared: &Shared) -> Dom<()> {
    if let (Some(window), Some(timer)) = (web_sys::window(), state.timer.take()) {
        window.clear_timeout_with_handle(timer);
    }
    discover(state, shared)
}

/// The domain of the typed address, when discovery may ask about it: a usable address
/// whose domain has a dot.
fn askable_domain(state: &State) -> Option<String> {
    let address = super::address_of(&state.values()).filter(|a| a.usable)?;
    address.domain.contains('.').then_some(address.domain)
}

/// Asks about the typed domain, once per domain per page; only the domain leaves the
/// browser.
fn discover(state: &mut State, shared: &Shared) -> Dom<()> {
    let Some(url) = state.discover_url.clone() else {
        return Ok(());
    };
    let Some(domain) = askable_domain(state) else {
        return Ok(());
    };
    if state.asked.contains(&domain) {
        return Ok(());
    }
    state.asked.push(domain.clone());
    let body = super::boundary::write(&DiscoverRequest { domain: &domain })?;
    let own = shared.clone();
    let done = move |answer: Answer| {
        with_state(&own, move |s| {
            let answer = match answer {
                Answer::Object(value) => Some(value),
                _ => None,
            };
            // Only a profile the engine can read changes the findings; one it cannot read
            // is left out, never an error.
            let profile = answer
                .as_ref()
                .map(|a| get(a, "profile"))
                .filter(|p| p.is_object())
                .and_then(|p| super::boundary::profile(p).ok().flatten());
            let found = profile.is_some();
            s.discovered.push(Discovered {
                domain,
                profile,
                answer,
            });
            if found {
                // The check works out the typed domain again.
                s.update()
            } else {
                // The first answer is the first time the typed domain is needed.
                s.discovery_domain = s.typed_domain();
                s.draw_discovery()
            }
        })
    };
    post_json(
        state,
        &url,
        &body,
        DISCOVER_TIMEOUT_MS,
        true,
        Box::new(done),
    )
}

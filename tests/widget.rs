//! The widget's DOM code in headless Chromium (`wasm-pack test --headless --chrome -- --test
//! widget`): mount, input events, fix buttons, locale, destroy.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Object, Reflect, JSON};
use maillint::wasm::api::mount;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Document, Element, Event, EventInit, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

fn host() -> HtmlElement {
    let doc = document();
    let host = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    host.dyn_into().unwrap()
}

fn options(json: &str) -> Option<JsValue> {
    Some(JSON::parse(json).unwrap())
}

fn input(host: &Element, name: &str) -> HtmlInputElement {
    host.query_selector(&format!("[name=\"{name}\"]"))
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap()
}

fn type_into(host: &Element, name: &str, value: &str) {
    let i = input(host, name);
    i.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    i.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

fn codes(host: &Element, field: &str) -> Vec<String> {
    let list = host
        .query_selector_all(&format!("[data-field=\"{field}\"] .maillint-finding"))
        .unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .filter_map(|e| e.get_attribute("data-code"))
        .collect()
}

#[wasm_bindgen_test]
fn mount_builds_a_named_input_per_field() {
    let host = host();
    let widget = mount(host.clone().into(), options(r#"{"locale":"en"}"#)).unwrap();
    for name in [
        "email",
        "incoming.protocol",
        "incoming.host",
        "incoming.port",
        "incoming.security",
        "incoming.username",
        "outgoing.host",
        "outgoing.port",
        "outgoing.security",
        "outgoing.username",
        "outgoing.auth",
    ] {
        assert!(
            host.query_selector(&format!("[name=\"{name}\"]"))
                .unwrap()
                .is_some(),
            "{name}"
        );
    }
    // No probe URL: no "Test connection" button.
    let test = host.query_selector(".maillint-test").unwrap().unwrap();
    assert!(test.has_attribute("hidden"));
    widget.destroy();
}

#[wasm_bindgen_test]
fn input_shows_findings_only_on_touched_fields_and_fix_applies() {
    let host = host();
    let widget = mount(host.clone().into(), options(r#"{"locale":"en"}"#)).unwrap();
    type_into(&host, "incoming.host", "mail,lamtin,hk");
    assert_eq!(codes(&host, "incoming.host"), vec!["comma-for-dot"]);
    assert!(codes(&host, "email").is_empty());
    assert_eq!(
        input(&host, "incoming.host")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    let button: HtmlElement = host
        .query_selector("[data-code=\"comma-for-dot\"] .maillint-fix")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    button.click();
    assert_eq!(input(&host, "incoming.host").value(), "mail.lamtin.hk");
    assert!(codes(&host, "incoming.host").is_empty());
    assert_eq!(
        input(&host, "incoming.host").get_attribute("aria-invalid"),
        None
    );
    let report = widget.report().unwrap();
    assert_eq!(
        Array::from(&Reflect::get(&report, &"findings".into()).unwrap()).length(),
        0
    );
    widget.destroy();
}

#[wasm_bindgen_test]
fn initial_settings_locale_and_on_change() {
    let host = host();
    let seen = Array::new();
    let callback = Function::new_with_args("r", "this.push(r.findings.length)").bind0(&seen);
    let opts = Object::new();
    Reflect::set(&opts, &"locale".into(), &"zh-HK".into()).unwrap();
    Reflect::set(&opts, &"onChange".into(), &callback).unwrap();
    Reflect::set(
        &opts,
        &"initial".into(),
        &JSON::parse(r#"{"email":"momo@gmial.com","incoming":{"port":"９９３"}}"#).unwrap(),
    )
    .unwrap();
    let widget = mount(host.clone().into(), Some(opts.into())).unwrap();
    assert_eq!(codes(&host, "email"), vec!["domain-typo"]);
    assert_eq!(codes(&host, "incoming.port"), vec!["fullwidth"]);
    let message = host.query_selector(".maillint-message").unwrap().unwrap();
    assert!(message.text_content().unwrap().contains("拼寫"));
    widget.set_locale("ms".into()).unwrap();
    let message = host.query_selector(".maillint-message").unwrap().unwrap();
    assert!(message.text_content().unwrap().contains("salah ejaan"));
    assert_eq!(input(&host, "incoming.port").value(), "９９３");
    type_into(&host, "incoming.port", "993");
    assert_eq!(seen.length(), 1);
    assert_eq!(seen.get(0).as_f64(), Some(1.0));
    let settings = widget.settings().unwrap();
    let port = Reflect::get(
        &Reflect::get(&settings, &"incoming".into()).unwrap(),
        &"port".into(),
    )
    .unwrap();
    assert_eq!(port.as_string().as_deref(), Some("993"));
    widget.destroy();
}

#[wasm_bindgen_test]
fn destroy_removes_everything_and_is_idempotent() {
    let host = host();
    let widget = mount(host.clone().into(), None).unwrap();
    assert_eq!(host.child_element_count(), 1);
    widget.destroy();
    widget.destroy();
    assert_eq!(host.child_element_count(), 0);
    assert!(widget.report().is_err());
}

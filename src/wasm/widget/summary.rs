//! "Copy summary": the settings as typed and what the checker found, as plain text in the
//! customer's language, for a ticket or a chat with support. The form has no password field,
//! so none can be in it; the address appears only as the customer typed it.

use wasm_bindgen::prelude::*;

use super::form;
use super::state::{Inner, Shared};
use crate::messages::{self, Arg};
use crate::settings::{Field, Protocol, Security};

impl Inner {
    /// The summary text.
    pub(super) fn summary(&self) -> String {
        let ui = messages::ui(self.locale);
        let line = |field: Field, value: String| {
            messages::fill(
                ui.summary_line,
                &[("field", Arg::Field(field)), ("value", Arg::Text(value))],
                self.locale,
            )
        };
        let mut out = String::new();
        out.push_str(ui.summary_title);
        out.push('\n');
        for field in Field::ALL {
            let Some(value) = form::read(&self.controls, field) else {
                continue;
            };
            // Choices by the names the form shows, not the engine's values.
            let shown = match field {
                Field::OutgoingAuth => if value == "true" { ui.yes } else { ui.no }.to_string(),
                Field::IncomingSecurity | Field::OutgoingSecurity => Security::parse(&value)
                    .map(|s| messages::security_name(self.locale, Security::resolve(s, None)))
                    .unwrap_or(&value)
                    .to_string(),
                Field::IncomingProtocol => Protocol::parse_incoming(&value)
                    .map(|p| p.label().to_string())
                    .unwrap_or(value),
                _ => value,
            };
            out.push_str(&line(field, shown));
            out.push('\n');
        }
        out.push('\n');
        out.push_str(ui.summary_findings);
        out.push('\n');
        if self.report.findings.is_empty() {
            out.push_str(ui.no_problems);
            out.push('\n');
        }
        for f in &self.report.findings {
            out.push_str("- ");
            out.push_str(&line(f.place, f.message.to_string()));
            out.push('\n');
        }
        out
    }
}

#[wasm_bindgen(module = "/src/wasm/widget/page.js")]
extern "C" {
    #[wasm_bindgen(js_name = copyText)]
    fn copy_text(text: &str, root: &web_sys::Element, done: &JsValue);
}

/// Copies the summary to the clipboard and says so on the button.
pub(super) fn copy(shared: &Shared) {
    let Ok(guard) = shared.try_borrow() else {
        return;
    };
    let Some(inner) = guard.as_ref() else { return };
    let button = inner.controls.copy.clone();
    let copied = messages::ui(inner.locale).copied;
    let done = Closure::once_into_js(move || {
        button.set_text_content(Some(copied));
        let _ = button.set_attribute("data-copied", "true");
    });
    copy_text(&inner.summary(), &inner.root, &done);
}

//! The widget's view: each finding next to its field, the field's `aria-invalid`, the
//! live summary and the state of "Fix all", drawn from the latest report.

use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::form;
use super::probe::finding_node;
use super::state::Inner;
use crate::finding::Severity;
use crate::messages::{self, Arg};
use crate::settings::Field;

impl Inner {
    pub(super) fn render(&self) -> Result<(), JsValue> {
        // A fix button that has the focus keeps it across the redraw (a late answer, such as
        // discovery's, redraws while the customer is on it).
        let focused_fix = self
            .doc
            .active_element()
            .filter(|e| e.class_list().contains("maillint-fix") && self.root.contains(Some(e)))
            .and_then(|e| {
                let finding = e.closest(".maillint-finding").ok().flatten()?;
                let row = e.closest("[data-field]").ok().flatten()?;
                Some((
                    row.get_attribute("data-field")?,
                    finding.get_attribute("data-code")?,
                ))
            });
        let mut problems: u64 = 0;
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
            messages::plural(self.locale, ui.problems, problems)
        };
        self.controls.summary.set_text_content(Some(&summary));
        if let Some((field, code)) = focused_fix {
            let selector = format!("[data-field=\"{field}\"] [data-code=\"{code}\"] .maillint-fix");
            if let Some(button) = self.root.query_selector(&selector)? {
                form::focus(&button);
            }
        }
        let fixable = self.safe_fixes().next().is_some();
        if fixable {
            self.controls.fix_all.remove_attribute("disabled")?;
        } else {
            self.controls.fix_all.set_attribute("disabled", "")?;
        }
        self.root
            .set_attribute("data-maillint-unavailable", ui.unavailable)?;
        self.root.set_attribute("data-maillint-reload", ui.reload)?;
        // The resolved tag, so the browser picks the region's glyph forms and voices.
        self.root.set_attribute("lang", self.locale.tag())?;
        Ok(())
    }

    pub(super) fn finding_node(&self, index: usize) -> Result<Element, JsValue> {
        let Some(f) = self.report.findings.get(index) else {
            return Err(JsValue::from_str("no such finding"));
        };
        let doc = &self.doc;
        // Codes and severities are plain ASCII words: no U+0000 in the attribute list.
        let attributes = format!(
            "part\0finding\0data-code\0{}\0data-severity\0{}",
            f.code.as_str(),
            f.severity.as_str()
        );
        let item = form::el(doc, "div", "maillint-finding", &attributes);
        let message = Some(f.message.as_str());
        form::add(
            doc,
            &item,
            "p",
            "maillint-message",
            "part\0message",
            message,
        );
        if let Some(help) = &f.help {
            form::add(doc, &item, "p", "maillint-help", "part\0help", Some(help));
        }
        if let Some(fix) = &f.fix {
            let attributes = format!("part\0fix\0type\0button\0data-fix\0{index}");
            form::add(
                doc,
                &item,
                "button",
                "maillint-fix",
                &attributes,
                Some(&fix.title),
            );
        }
        Ok(item)
    }

    /// Draws discovery's line under the address for the typed domain (or hides it).
    pub(super) fn draw_discovery(&self, domain: Option<&str>) -> Result<(), JsValue> {
        let line = &self.controls.discovery;
        line.set_text_content(None);
        let Some(found) = domain.and_then(|d| self.discovered.iter().find(|f| f.domain == d))
        else {
            line.set_attribute("hidden", "")?;
            return Ok(());
        };
        line.remove_attribute("hidden")?;
        let ui = messages::ui(self.locale);
        let domain_arg = ("domain", Arg::Text(found.domain.clone()));
        let text = match (&found.provider, found.failed) {
            (_, true) => messages::fill(ui.discovery_failed, &[domain_arg], self.locale),
            (Some((name, source)), false) => {
                let source = match source.as_str() {
                    "autoconfig" | "well-known" | "mx-autoconfig" => ui.source_autoconfig,
                    "ispdb" | "mx-ispdb" => ui.source_ispdb,
                    "srv" => ui.source_srv,
                    _ => ui.source_mx,
                };
                messages::fill(
                    ui.discovery_found,
                    &[
                        domain_arg,
                        ("provider", Arg::Text(name.clone())),
                        ("source", Arg::Text(source.to_string())),
                    ],
                    self.locale,
                )
            }
            (None, false) => messages::fill(ui.discovery_no_provider, &[domain_arg], self.locale),
        };
        form::add(
            &self.doc,
            line,
            "p",
            "maillint-discovery-text",
            "",
            Some(&text),
        );
        for f in &found.findings {
            let node = finding_node(&self.doc, f);
            line.append_child(&node)?;
        }
        Ok(())
    }
}

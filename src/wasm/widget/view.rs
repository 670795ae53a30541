//! Drawing: the words of the locale, each finding next to its field, the summary line, the
//! line discovery writes under the address, and the plain-text summary for support.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use super::answer::{get, items, text, yes};
use super::dom::{self, make, Dom};
use super::State;
use crate::finding::Severity;
use crate::messages::{self, Arg, Locale};
use crate::settings::{Field, Security};
use wasm_bindgen::JsValue;

/// A finding as the form shows it; `fix` is the fix button's index and title, if any, and
/// `parts` whether its pieces are exposed to the page's styles.
pub fn finding_node(
    doc: &Document,
    finding: (&str, &str, &str, Option<&str>),
    parts: bool,
    fix: Option<(usize, &str)>,
) -> Dom<Element> {
    let (code, severity, message, help) = finding;
    let part = |name: &'static str| {
        if parts {
            vec![("part", name)]
        } else {
            Vec::new()
        }
    };
    let mut attributes = part("finding");
    attributes.extend([("data-code", code), ("data-severity", severity)]);
    let item = make(doc, None, "div", "maillint-finding", &attributes, None)?;
    make(
        doc,
        Some(&item),
        "p",
        "maillint-message",
        &part("message"),
        Some(message),
    )?;
    if let Some(help) = help.filter(|h| !h.is_empty()) {
        make(
            doc,
            Some(&item),
            "p",
            "maillint-help",
            &part("help"),
            Some(help),
        )?;
    }
    if let Some((index, title)) = fix {
        let index = index.to_string();
        make(
            doc,
            Some(&item),
            "button",
            "maillint-fix",
            &[("part", "fix"), ("type", "button"), ("data-fix", &index)],
            Some(title),
        )?;
    }
    Ok(item)
}

/// The findings of a backend answer (read leniently: what is missing shows as empty).
pub fn backend_findings(doc: &Document, parent: &Element, list: &[JsValue]) -> Dom<()> {
    for f in list {
        let field = |key| text(f, key).unwrap_or_default();
        let help = field("help");
        let node = finding_node(
            doc,
            (
                &field("code"),
                &field("severity"),
                &field("message"),
                Some(&help),
            ),
            false,
            None,
        )?;
        parent.append_child(&node)?;
    }
    Ok(())
}

impl State {
    /// Writes labels and messages in the widget's locale, keeping what was typed.
    pub(super) fn apply_locale(&mut self) -> Dom<()> {
        let locale = self.locale;
        self.ui = messages::ui(locale);
        let ui = &self.ui;
        let form = &self.form;
        for (field, label) in Field::ALL.into_iter().zip(&form.labels) {
            label.set_text_content(Some(messages::field_label(locale, field)));
        }
        if form.locale_select.child_element_count() == 0 {
            for l in Locale::ALL {
                make(
                    &self.doc,
                    Some(&form.locale_select),
                    "option",
                    "",
                    &[("value", l.tag())],
                    Some(l.name()),
                )?;
            }
        }
        form.root.set_attribute("lang", locale.tag())?;
        // The guard's notice speaks the widget's language.
        form.root
            .set_attribute("data-maillint-unavailable", ui.unavailable)?;
        form.root.set_attribute("data-maillint-reload", ui.reload)?;
        let texts = [
            (form.legends.first(), ui.incoming),
            (form.legends.get(1), ui.outgoing),
            (Some(&form.locale_text), ui.language),
            (Some(&form.paste_label), ui.paste),
            (Some(&form.fix_all), ui.fix_all),
            (Some(&form.test), ui.test_connection),
            (Some(&form.copy), ui.copy_summary),
        ];
        for (element, text) in texts {
            if let Some(element) = element {
                element.set_text_content(Some(text));
            }
        }
        dom::set_value(&form.locale_select, locale.tag());
        // The drop-downs' words: the empty choice says "Choose…" (a dash is read aloud as
        // "dash"), and "no encryption" is in the customer's language.
        let none = messages::security_name(locale, Security::None);
        for field in [
            Field::IncomingProtocol,
            Field::IncomingSecurity,
            Field::OutgoingSecurity,
        ] {
            let Some(select) = form.control(field) else {
                continue;
            };
            if let Some(empty) = select.query_selector("option[value='']")? {
                empty.set_text_content(Some(ui.choose));
            }
            if let Some(off) = select.query_selector("option[value=none]")? {
                off.set_text_content(Some(none));
            }
        }
        self.update()
    }

    /// Checks the form and shows the findings of the fields touched so far.
    pub(super) fn update(&mut self) -> Dom<()> {
        self.check();
        // A fix button that has the focus keeps it across the redraw (a late answer, such as
        // discovery's, redraws while the customer is on it).
        let refocus = self.focused_fix();
        let mut problems = 0u64;
        for (i, field) in Field::ALL.into_iter().enumerate() {
            let (Some(list), Some(control)) = (self.form.messages.get(i), self.form.control(field))
            else {
                continue;
            };
            list.set_text_content(None);
            let mut invalid = false;
            if self.touched.get(i).copied().unwrap_or(false) {
                for (index, f) in self.report.findings.iter().enumerate() {
                    if f.place != field {
                        continue;
                    }
                    if f.severity != Severity::Info {
                        problems += 1;
                    }
                    invalid |= f.severity == Severity::Error;
                    let node = finding_node(
                        &self.doc,
                        (
                            f.code.as_str(),
                            f.severity.as_str(),
                            &f.message,
                            f.help.as_deref(),
                        ),
                        true,
                        f.fix.as_ref().map(|x| (index, x.title.as_str())),
                    )?;
                    list.append_child(&node)?;
                }
            }
            if invalid {
                control.set_attribute("aria-invalid", "true")?;
            } else {
                control.remove_attribute("aria-invalid")?;
            }
        }
        // The plural form is the engine's to choose.
        let summary = if problems > 0 {
            self.ui.problems.of(problems, self.locale)
        } else if self.touched.contains(&true) {
            self.ui.no_problems.to_string()
        } else {
            String::new()
        };
        self.form.summary.set_text_content(Some(&summary));
        if let Some(selector) = refocus {
            if let Some(button) = self.form.root.query_selector(&selector)? {
                dom::focus(&button);
            }
        }
        dom::flag(
            &self.form.fix_all,
            "disabled",
            self.next_safe_fix().is_none(),
        )?;
        self.draw_discovery()
    }

    /// The selector of the fix button that has the focus, if one has.
    fn focused_fix(&self) -> Option<String> {
        // The document's or, inside the element, its shadow root's.
        let active = dom::property(&self.form.root.get_root_node(), "activeElement");
        let active: Element = active.dyn_into().ok()?;
        if !active.class_list().contains("maillint-fix") || !self.form.root.contains(Some(&active))
        {
            return None;
        }
        let row = active
            .closest("[data-field]")
            .ok()??
            .get_attribute("data-field")?;
        let code = active
            .closest(".maillint-finding")
            .ok()??
            .get_attribute("data-code")?;
        Some(format!(
            "[data-field=\"{row}\"] [data-code=\"{code}\"] .maillint-fix"
        ))
    }

    /// Discovery's line under the address for the typed domain (hidden when it has nothing
    /// to say).
    pub(super) fn draw_discovery(&self) -> Dom<()> {
        let line = &self.form.discovery;
        line.set_text_content(None);
        let typed = self.discovery_domain.as_deref();
        let found = typed.and_then(|d| self.discovered.iter().find(|f| f.domain == d));
        let Some(found) = found else {
            return dom::flag(line, "hidden", true);
        };
        dom::flag(line, "hidden", false)?;
        let ui = &self.ui;
        let locale = self.locale;
        let domain = ("domain", Arg::Text(found.domain.clone()));
        let provider = found.answer.as_ref().map(|a| {
            let p = get(a, "provider");
            (text(&p, "name"), text(&p, "source"), yes(&p, "oauth"))
        });
        let text = match provider {
            None => messages::fill(ui.discovery_failed, &[domain], locale),
            Some((Some(name), Some(from), oauth)) => {
                let source = match from.as_str() {
                    "autoconfig" | "well-known" | "mx-autoconfig" => ui.source_autoconfig,
                    "ispdb" | "mx-ispdb" => ui.source_ispdb,
                    "srv" => ui.source_srv,
                    _ => ui.source_mx,
                };
                let mut text = messages::fill(
                    ui.discovery_found,
                    &[
                        domain,
                        ("provider", Arg::Text(name)),
                        ("source", Arg::Text(source.to_string())),
                    ],
                    locale,
                );
                if oauth {
                    // A sentence after a Latin full stop takes a space; after 。 none.
                    if text.ends_with('.') {
                        text.push(' ');
                    }
                    text.push_str(ui.discovery_oauth);
                }
                text
            }
            Some(_) => messages::fill(ui.discovery_no_provider, &[domain], locale),
        };
        make(
            &self.doc,
            Some(line),
            "p",
            "maillint-discovery-text",
            &[],
            Some(&text),
        )?;
        if let Some(a) = &found.answer {
            backend_findings(&self.doc, line, &items(a, "findings"))?;
        }
        Ok(())
    }

    /// The settings as typed and each finding, as plain text in the widget's language, for
    /// a ticket or a chat with support (the form has no password field, so none is in it).
    pub(super) fn summary_text(&self) -> String {
        let ui = &self.ui;
        let locale = self.locale;
        let line = |field: Field, value: &str| {
            messages::fill(
                ui.summary_line,
                &[
                    ("field", Arg::Field(field)),
                    ("value", Arg::Text(value.to_string())),
                ],
                locale,
            )
        };
        let mut out = format!("{}\n", ui.summary_title);
        for field in Field::ALL {
            let Some(control) = self.form.control(field) else {
                continue;
            };
            let mut value = dom::value_of(control);
            if value.is_empty() {
                continue;
            }
            // Choices by the names the form shows, not the engine's values.
            if field == Field::OutgoingAuth {
                value = (if value == "true" { ui.yes } else { ui.no }).to_string();
            } else if let Some(shown) = dom::chosen_text(control) {
                value = shown;
            }
            out.push_str(&line(field, &value));
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
            out.push_str(&line(f.place, &f.message));
            out.push('\n');
        }
        out
    }
}

//! The one way a [`Draft`] becomes a [`Finding`]: its rule's severity, and its message, help
//! and fix title from the locale's catalogue with the draft's values filled in. Settings
//! rules, profile lint and maillint-server's probe all render through [`render`].

use std::borrow::Cow;

use crate::finding::{Draft, Finding, Fix};
use crate::messages::{self, Locale};
use crate::rules;

/// Renders a finding in a locale.
pub fn render<P>(draft: Draft<P>, locale: Locale) -> Finding<P> {
    let rule = rules::rule(draft.code);
    let text = messages::entry(locale, draft.code);
    let fill = |template: &str| messages::fill(template, &draft.args, locale);
    let message = fill(text.message);
    let help = match text.help {
        "" => None,
        fixed if !fixed.contains('{') => Some(Cow::Borrowed(fixed)),
        template => Some(Cow::Owned(fill(template))),
    };
    let fix = if draft.edits.is_empty() {
        None
    } else {
        Some(Fix {
            title: fill(text.fix),
            edits: draft.edits,
        })
    };
    Finding {
        code: draft.code,
        severity: rule.severity,
        place: draft.place,
        message,
        help,
        fix,
    }
}

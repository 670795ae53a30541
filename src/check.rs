//! Runs the rules: builds the cleaned view of the settings once, runs every rule on it, drops
//! findings that a more specific one already explains, and renders the rest in a locale.

use crate::context::{Context, Options};
use crate::finding::{Draft, Report};
use crate::render::render;
use crate::rules;
use crate::settings::Settings;

/// Checks the settings and returns the findings, rendered in `options.locale`.
pub fn check(settings: &Settings, options: &Options) -> Report {
    let drafts = drafts(settings, options);
    let findings = drafts
        .into_iter()
        .map(|d| render(d, options.locale))
        .collect();
    Report::new(findings)
}

/// The findings before rendering, deduplicated and in their stable order.
pub fn drafts(settings: &Settings, options: &Options) -> Vec<Draft> {
    let ctx = Context::new(settings, options);
    let mut drafts = Vec::new();
    for rule in rules::ALL {
        if let rules::Check::Settings(run) = rule.check {
            run(&ctx, &mut drafts);
        }
    }
    let keep: Vec<bool> = drafts
        .iter()
        .map(|d| {
            !rules::suppressed_by(d.code)
                .iter()
                .any(|s| drafts.iter().any(|o| o.code == *s && o.place == d.place))
        })
        .collect();
    let mut kept: Vec<Draft> = drafts
        .into_iter()
        .zip(keep)
        .filter_map(|(d, keep)| keep.then_some(d))
        .collect();
    crate::order::sort_by_key(&mut kept, |d| {
        (d.place, rules::rule(d.code).severity, d.code)
    });
    kept.dedup_by(|a, b| a.code == b.code && a.place == b.place);
    kept
}

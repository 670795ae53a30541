//! One fixture per code (tests/fixtures/<code>.json): inputs that must fire, with the exact
//! fix, and near misses that must stay quiet. Every fix, applied, must remove its finding.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use maillint::providers::Day;
use maillint::rules::Check;
use maillint::settings::Protocol;
use maillint::{check, lint_profile, Code, Locale, Options, Profile, Report};
use serde_json::Value;

fn fixtures() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out: Vec<(String, Value)> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            let value: Value = serde_json::from_str(&fs::read_to_string(&p).unwrap()).unwrap();
            (name, value)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Options of a case; `profileFile` names a profile under the repository root, and
/// `notOffered` the protocols its domain says it does not offer.
fn options(case: &Value, locale: Locale) -> Options {
    let profile = case["options"]["profileFile"].as_str().map(|path| {
        let xml = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
        let mut profile = Profile::from_xml(&xml).unwrap();
        // What discovery adds from SRV records (the object form's `notOffered`).
        if let Some(list) = case["options"]["notOffered"].as_array() {
            profile.not_offered = list
                .iter()
                .filter_map(|p| Protocol::parse_incoming(p.as_str().unwrap()))
                .collect();
        }
        profile
    });
    Options {
        locale,
        complete: case["options"]["complete"].as_bool().unwrap_or(false),
        profile,
        // The day dated sign-in changes are judged against, pinned by the case.
        today: case["options"]["today"]
            .as_str()
            .map(|t| Day::parse(t).unwrap()),
    }
}

/// Profile-lint cases carry the profile's XML in `lint` instead of settings.
fn is_lint(case: &Value) -> bool {
    case.get("lint").is_some()
}

fn lint(case: &Value, locale: Locale) -> maillint::LintReport {
    lint_profile(case["lint"].as_str().unwrap(), locale).unwrap()
}

fn run(case: &Value, locale: Locale) -> Report {
    check(&common::settings(&case["settings"]), &options(case, locale))
}

#[test]
fn every_code_has_a_fixture_and_every_fixture_a_code() {
    let files: BTreeSet<String> = fixtures().into_iter().map(|(n, _)| n).collect();
    // The probe's codes (feature `probe`) have their fixtures in server/tests/.
    let codes: BTreeSet<String> = Code::all()
        .filter(|c| {
            matches!(
                maillint::rules::rule(*c).check,
                Check::Settings(_) | Check::Profile(_)
            )
        })
        .map(|c| c.as_str().to_string())
        .collect();
    assert_eq!(files, codes);
}

#[test]
fn fixtures_fire_with_the_exact_fix() {
    let mut failures = Vec::new();
    for (name, fixture) in fixtures() {
        let code = Code::from_name(&name).unwrap();
        let fires = fixture["fires"].as_array().unwrap();
        assert!(!fires.is_empty(), "{name}: no firing case");
        for case in fires {
            if is_lint(case) {
                let element = case["element"].as_str().unwrap();
                let report = lint(case, Locale::En);
                if !report
                    .findings
                    .iter()
                    .any(|f| f.code == code && f.place.element == element)
                {
                    failures.push(format!(
                        "{name}: did not fire at {element}; got {:?}",
                        report
                            .findings
                            .iter()
                            .map(|f| (f.code.as_str(), f.place.element.as_str()))
                            .collect::<Vec<_>>()
                    ));
                }
                continue;
            }
            let report = run(case, Locale::En);
            let field = common::field(case["field"].as_str().unwrap());
            let Some(finding) = report
                .findings
                .iter()
                .find(|f| f.code == code && f.place == field)
            else {
                failures.push(format!(
                    "{name}: did not fire on {} for {}; got {:?}",
                    field.path(),
                    case["settings"],
                    report
                        .findings
                        .iter()
                        .map(|f| (f.code.as_str(), f.place.path()))
                        .collect::<Vec<_>>()
                ));
                continue;
            };
            let got = finding.fix.as_ref().map(|f| common::edits_json(&f.edits));
            let want = Some(case["fix"].clone()).filter(|v| !v.is_null());
            if got != want {
                failures.push(format!(
                    "{name}: fix for {}: got {got:?}, want {want:?}",
                    case["settings"]
                ));
            }
            if finding.fix.is_some() && !maillint::rules::rule(code).fixable {
                failures.push(format!("{name}: carries a fix but says it cannot fix"));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn near_misses_stay_quiet() {
    let mut failures = Vec::new();
    for (name, fixture) in fixtures() {
        let code = Code::from_name(&name).unwrap();
        let quiet = fixture["quiet"].as_array().unwrap();
        assert!(!quiet.is_empty(), "{name}: no quiet case");
        for case in quiet {
            if is_lint(case) {
                if let Some(f) = lint(case, Locale::En)
                    .findings
                    .iter()
                    .find(|f| f.code == code)
                {
                    failures.push(format!(
                        "{name}: fired at {}: {}",
                        f.place.element, f.message
                    ));
                }
                continue;
            }
            let report = run(case, Locale::En);
            if let Some(f) = report.findings.iter().find(|f| f.code == code) {
                failures.push(format!(
                    "{name}: fired on {} for {}: {}",
                    f.place.path(),
                    case["settings"],
                    f.message
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Applying any fix of any finding in any fixture removes that finding.
#[test]
fn every_fix_applied_removes_its_finding() {
    let mut failures = Vec::new();
    let mut fixes = 0;
    for (name, fixture) in fixtures() {
        for case in fixture["fires"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| !is_lint(c))
        {
            let settings = common::settings(&case["settings"]);
            let opts = options(case, Locale::En);
            for finding in check(&settings, &opts).findings {
                let Some(fix) = &finding.fix else { continue };
                fixes += 1;
                let mut fixed = settings.clone();
                common::apply(&mut fixed, &fix.edits);
                let after = check(&fixed, &opts);
                if after
                    .findings
                    .iter()
                    .any(|f| f.code == finding.code && f.place == finding.place)
                {
                    failures.push(format!(
                        "{name}: fix {:?} did not remove {} on {}",
                        fix.edits,
                        finding.code,
                        finding.place.path()
                    ));
                }
            }
        }
    }
    assert!(fixes > 50, "only {fixes} fixes exercised");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Every finding renders in every locale with all its values filled in, and the locales
/// really differ from English.
#[test]
fn every_finding_renders_in_every_locale() {
    let mut failures = Vec::new();
    for (name, fixture) in fixtures() {
        for case in fixture["fires"].as_array().unwrap() {
            if is_lint(case) {
                let en = lint(case, Locale::En);
                for locale in Locale::ALL {
                    for (f, e) in lint(case, locale).findings.iter().zip(&en.findings) {
                        if f.message.is_empty()
                            || (f.message.contains('{') && f.message.contains('}'))
                        {
                            failures.push(format!("{name} {locale:?}: {:?}", f.message));
                        }
                        if locale != Locale::En && f.message == e.message {
                            failures.push(format!(
                                "{name} {locale:?}: message not translated: {}",
                                f.message
                            ));
                        }
                    }
                }
                continue;
            }
            let en = run(case, Locale::En);
            for locale in Locale::ALL {
                let report = run(case, locale);
                assert_eq!(report.findings.len(), en.findings.len());
                for (f, e) in report.findings.iter().zip(&en.findings) {
                    let mut texts = vec![f.message.as_str()];
                    texts.extend(f.help.as_deref());
                    texts.extend(f.fix.as_ref().map(|x| x.title.as_str()));
                    for t in texts {
                        let unfilled = t.contains('{') && t.contains('}');
                        if t.is_empty() || unfilled {
                            failures.push(format!("{name} {locale:?}: {t:?}"));
                        }
                    }
                    if locale != Locale::En && f.message == e.message {
                        failures.push(format!(
                            "{name} {locale:?}: message not translated: {}",
                            f.message
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The findings of every fixture case, so a change in any message or fix shows in review.
#[test]
fn snapshots() {
    for (name, fixture) in fixtures() {
        let mut cases = Vec::new();
        for case in fixture["fires"].as_array().unwrap() {
            if is_lint(case) {
                cases.push(serde_json::json!({ "lint": lint(case, Locale::En) }));
                continue;
            }
            cases.push(serde_json::json!({
                "settings": case["settings"],
                "options": case["options"],
                "report": run(case, Locale::En),
            }));
        }
        insta::assert_json_snapshot!(name, cases);
    }
}

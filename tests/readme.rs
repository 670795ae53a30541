//! The README's table of codes lists exactly the codes `rules()` returns, with their
//! severity and whether they fix.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

#[test]
fn readme_lists_every_code() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table: BTreeMap<String, (String, String)> = readme
        .lines()
        .filter(|l| l.starts_with("| `"))
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let code = cells.get(1)?.trim_matches('`').to_string();
            maillint::Code::from_name(&code)?;
            Some((code, (cells[2].to_string(), cells[3].to_string())))
        })
        .collect();
    let rules: BTreeMap<String, (String, String)> = maillint::rules()
        .into_iter()
        .map(|r| {
            let fix = if r.fixable { "yes" } else { "no" };
            (
                r.code.as_str().to_string(),
                (r.severity.as_str().to_string(), fix.to_string()),
            )
        })
        .collect();
    assert_eq!(table, rules);
}

//! The tables of codes (`docs/rules.md`, the probe's in `docs/backend.md`) list exactly the codes `rules()` returns, with
//! their severity and whether they fix; the README links every document under `docs/`.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

#[test]
fn readme_lists_every_code() {
    // The settings and profile codes are in docs/rules.md, the probe's in docs/backend.md.
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = ["docs/rules.md", "docs/backend.md"]
        .iter()
        .map(|d| std::fs::read_to_string(format!("{root}/{d}")).unwrap())
        .collect::<Vec<_>>()
        .join("\n");
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

#[test]
fn the_readme_links_every_document_and_each_link_resolves() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let mut docs: Vec<String> = std::fs::read_dir(format!("{root}/docs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    docs.sort();
    assert!(!docs.is_empty());
    for doc in &docs {
        assert!(
            readme.contains(&format!("](docs/{doc})")),
            "README.md does not link docs/{doc}"
        );
    }
    // Every relative link in the README and the documents names a file that exists.
    let mut pages = vec![("README.md".to_string(), readme)];
    for doc in &docs {
        let text = std::fs::read_to_string(format!("{root}/docs/{doc}")).unwrap();
        pages.push((format!("docs/{doc}"), text));
    }
    for (page, text) in &pages {
        let dir = std::path::Path::new(root).join(page);
        let dir = dir.parent().unwrap();
        for link in text.split("](").skip(1) {
            let target = link.split(')').next().unwrap_or("");
            if target.contains("://") || target.starts_with('#') || target.is_empty() {
                continue;
            }
            let path = target.split('#').next().unwrap_or(target);
            assert!(
                dir.join(path).exists(),
                "{page}: link to {target} goes nowhere"
            );
        }
    }
}

/// Every repository path a document names in backticks (`src/wasm/guard.js`,
/// `server/tests/discover.rs`, `scripts/bench.sh`) exists: a moved or removed file shows up
/// here instead of in a reader's search.
#[test]
fn every_path_a_document_names_exists() {
    let root = env!("CARGO_MANIFEST_DIR");
    let tops = [
        "src/",
        "server/",
        "tests/",
        "scripts/",
        "www/",
        "bench/",
        "data/",
        "docs/",
        "deploy/",
        "packaging/",
        "fuzz/",
        "examples/",
        ".ci/",
    ];
    let mut pages = vec!["README.md".to_string(), "bench/SIZE.md".to_string()];
    for e in std::fs::read_dir(format!("{root}/docs")).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".md") {
            pages.push(format!("docs/{name}"));
        }
    }
    let mut missing = Vec::new();
    let mut checked = 0;
    for page in &pages {
        let text = std::fs::read_to_string(format!("{root}/{page}")).unwrap();
        for (i, quoted) in text.split('`').enumerate() {
            // Odd pieces are inside backticks.
            if i % 2 == 0 || !tops.iter().any(|t| quoted.starts_with(t)) {
                continue;
            }
            // Patterns and placeholders (`tests/fixtures/<code>.json`) name no one file.
            if quoted.contains(['<', '*', '{', ' ', '…']) {
                continue;
            }
            let path = quoted.trim_end_matches([',', '.', ':']);
            checked += 1;
            if !std::path::Path::new(root).join(path).exists() {
                missing.push(format!("{page}: {path}"));
            }
        }
    }
    assert!(
        checked > 20,
        "only {checked} paths found: the check reads nothing"
    );
    assert!(
        missing.is_empty(),
        "named but missing:\n{}",
        missing.join("\n")
    );
}

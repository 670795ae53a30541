//! The shape of the code: no module of the engine (src/) or of the server (server/src/)
//! names an item of a module that names one of its own back, directly or through others.
//! Rules read what sits below them (context, finding, text) and the runners sit above the
//! rules; a circle would tie them into one knot again.
//!
//! An arrow A -> B is drawn when file A names a path into module B: `crate::b::…`,
//! `super::…`/`self::…` resolved from A, or `child::…` through a child A declares. A module
//! using what one of its ancestors declares (`super::Rule` in a rule file) draws no arrow:
//! that is the registry shape, where the parent lists its children. `lib.rs` and `main.rs`
//! are the facade and stay out.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

type Module = Vec<String>;

/// Every `.rs` file under `root`, by its module path (`rules/mod.rs` is `["rules"]`).
fn modules(root: &Path) -> BTreeMap<Module, PathBuf> {
    let mut out = BTreeMap::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(root).unwrap().with_extension("");
            let mut parts: Module = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            if parts == ["lib"] || parts == ["main"] {
                continue;
            }
            out.insert(parts, path);
        }
    }
    out
}

/// The code with comments and the contents of string and char literals removed, so that
/// a path in a doc comment or a message is not taken for an import.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    if !escaped && c == '"' {
                        break;
                    }
                    escaped = !escaped && c == '\\';
                }
                out.push_str("\"\"");
            }
            _ => out.push(c),
        }
    }
    out
}

/// The paths of a `use` tree: `a::{b, c::{d, e}}` gives `a::b`, `a::c::d`, `a::c::e`.
fn use_paths(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim();
        let inner = tree[open + 1..tree.rfind('}').unwrap_or(tree.len())].to_string();
        let mut depth = 0;
        let mut start = 0;
        let mut items = Vec::new();
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    items.push(inner[start..i].to_string());
                    start = i + 1;
                }
                _ => {}
            }
        }
        items.push(inner[start..].to_string());
        for item in items.iter().filter(|i| !i.trim().is_empty()) {
            use_paths(&format!("{prefix}{head}"), item, out);
        }
    } else {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        out.push(format!("{prefix}{path}"));
    }
}

/// Every path the code names that starts with one of `starts` (`crate`, `super`, `self`
/// and the child modules it declares).
fn named_paths(code: &str, starts: &BTreeSet<String>) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let before = rest[..at].chars().last();
        let after = &rest[at + 4..];
        if before.is_none_or(|c| !c.is_alphanumeric() && c != '_') {
            if let Some(end) = after.find(';') {
                use_paths("", &after[..end], &mut paths);
            }
        }
        rest = after;
    }
    // Inline paths: identifiers joined by `::`, as tokens.
    let mut tokens: Vec<&str> = Vec::new();
    let mut start = None;
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let ident = b.is_ascii_alphanumeric() || b == b'_';
        match (ident, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                tokens.push(&code[s..i]);
                start = None;
            }
            _ => {}
        }
        if !ident {
            if bytes[i..].starts_with(b"::") {
                tokens.push("::");
                i += 2;
                continue;
            }
            tokens.push(" ");
        }
        i += 1;
    }
    if let Some(s) = start {
        tokens.push(&code[s..]);
    }
    let mut k = 0;
    while k < tokens.len() {
        let mut path = vec![tokens[k]];
        while tokens.get(k + 1) == Some(&"::")
            && tokens.get(k + 2).is_some_and(|t| *t != " " && *t != "::")
        {
            path.push(tokens[k + 2]);
            k += 2;
        }
        if path.len() > 1 {
            paths.push(path.join("::"));
        }
        k += 1;
    }
    paths
        .into_iter()
        .map(|p| {
            p.split("::")
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|p| p.first().is_some_and(|s| starts.contains(s)))
        .collect()
}

/// The arrows between the modules under `root`.
fn arrows(root: &Path) -> BTreeMap<Module, BTreeSet<Module>> {
    let files = modules(root);
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, path) in &files {
        let code = code_only(&fs::read_to_string(path).unwrap());
        let mut starts: BTreeSet<String> = ["crate", "super", "self"].map(String::from).into();
        for line in code.lines() {
            let line = line.trim();
            let decl = line.strip_prefix("pub ").unwrap_or(line);
            let decl = decl.split_once(") ").map_or(decl, |(vis, rest)| {
                if vis.starts_with("pub(") {
                    rest
                } else {
                    decl
                }
            });
            if let Some(name) = decl.strip_prefix("mod ").and_then(|n| n.strip_suffix(';')) {
                starts.insert(name.trim().to_string());
            }
        }
        for segments in named_paths(&code, &starts) {
            // From the crate root, or from this module (`super`, `self`, a child).
            let mut absolute: Module = if segments[0] == "crate" {
                Vec::new()
            } else {
                module.clone()
            };
            let mut rest = segments.as_slice();
            if rest[0] == "crate" {
                rest = &rest[1..];
            }
            while let Some(first) = rest.first() {
                match first.as_str() {
                    "super" => {
                        absolute.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                rest = &rest[1..];
            }
            absolute.extend(rest.iter().cloned());
            // The longest prefix of the path that is a module file.
            let target = (1..=absolute.len())
                .rev()
                .map(|n| absolute[..n].to_vec())
                .find(|m| files.contains_key(m));
            let Some(target) = target else { continue };
            if &target == module || module.starts_with(&target) {
                continue;
            }
            edges.entry(module.clone()).or_default().insert(target);
        }
    }
    edges
}

/// A circle of arrows, if any: the modules on it, in order.
fn circle(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    // Depth-first search; a module met again while still on the path closes a circle.
    fn visit(
        m: &Module,
        edges: &BTreeMap<Module, BTreeSet<Module>>,
        path: &mut Vec<Module>,
        done: &mut BTreeSet<Module>,
    ) -> Option<Vec<Module>> {
        if let Some(at) = path.iter().position(|p| p == m) {
            return Some(path[at..].to_vec());
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.clone());
        for next in edges.get(m).into_iter().flatten() {
            if let Some(found) = visit(next, edges, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(m.clone());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|m| visit(m, edges, &mut Vec::new(), &mut done))
}

fn assert_no_circle(dir: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let edges = arrows(&root);
    if let Some(found) = circle(&edges) {
        let names: Vec<String> = found.iter().map(|m| m.join("/")).collect();
        panic!(
            "{dir}: modules import each other in a circle: {}",
            names.join(" -> ")
        );
    }
}

#[test]
fn the_engine_has_no_import_circle() {
    assert_no_circle("src");
}

#[test]
fn the_server_has_no_import_circle() {
    assert_no_circle("server/src");
}

#[test]
fn the_check_sees_a_circle() {
    // The check itself: a circle written on purpose is found.
    let dir = std::env::temp_dir().join(format!("maillint-shape-{}", std::process::id()));
    fs::create_dir_all(dir.join("rules")).unwrap();
    fs::write(dir.join("lib.rs"), "pub mod check;\npub mod rules;\n").unwrap();
    fs::write(
        dir.join("check.rs"),
        "use crate::rules::ALL;\npub struct Context;\n",
    )
    .unwrap();
    fs::write(
        dir.join("rules/mod.rs"),
        "pub mod comma;\npub static ALL: &[u8] = &[comma::X];\n",
    )
    .unwrap();
    // A child using its parent draws no arrow; the rule naming `check` does.
    fs::write(
        dir.join("rules/comma.rs"),
        "use super::ALL;\npub const X: u8 = 1;\n// crate::nothing::here\nfn f(_: &crate::check::Context) {}\n",
    )
    .unwrap();
    let with_circle = arrows(&dir);
    fs::write(
        dir.join("rules/comma.rs"),
        "use super::ALL;\npub const X: u8 = 1;\n",
    )
    .unwrap();
    let without = arrows(&dir);
    fs::remove_dir_all(&dir).unwrap();
    let found = circle(&with_circle).expect("the circle check -> rules -> rules/comma -> check");
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(circle(&without), None);
}

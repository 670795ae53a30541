//! `domain-typo` calls a domain certainly misspelt when its ending is no real top-level
//! domain and one keystroke from a common one (`icloud.con`). That is only true if the
//! engine's list of real endings near the common ones is complete: this test asks the
//! public suffix list (the `psl` crate) about every ending one edit from each common one.
#![cfg(not(target_arch = "wasm32"))]

use maillint::rules::domain_typo::{COMMON_TLDS, REAL_NEAR_TLDS};

/// Every lower-case string one edit (insert, delete, substitute, swap) from `word`.
fn one_edit(word: &str) -> Vec<String> {
    let letters: Vec<char> = ('a'..='z').collect();
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::new();
    for i in 0..=chars.len() {
        for &c in &letters {
            let mut v = chars.clone();
            v.insert(i, c);
            out.push(v.iter().collect());
        }
    }
    for i in 0..chars.len() {
        let mut v = chars.clone();
        v.remove(i);
        out.push(v.iter().collect());
        for &c in &letters {
            let mut v = chars.clone();
            v[i] = c;
            out.push(v.iter().collect());
        }
        if i + 1 < chars.len() {
            let mut v = chars.clone();
            v.swap(i, i + 1);
            out.push(v.iter().collect());
        }
    }
    out
}

#[test]
fn every_real_ending_near_a_common_one_is_known_real() {
    let mut missing = Vec::new();
    let mut asked = 0;
    for tld in COMMON_TLDS {
        for near in one_edit(tld) {
            if near.len() <= 2 || near == *tld {
                continue;
            }
            asked += 1;
            let domain = format!("example.{near}");
            let real = psl::suffix(domain.as_bytes())
                .is_some_and(|s| s.is_known() && s.as_bytes() == near.as_bytes());
            if real && !REAL_NEAR_TLDS.contains(&near.as_str()) {
                missing.push(near);
            }
        }
    }
    assert!(asked > 500, "{asked}");
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "real endings the engine would call misspelt: {missing:?}"
    );
    // The check itself can fail: `con` is no real ending, `com` and `cam` are.
    assert!(!psl::suffix(b"example.con").is_some_and(|s| s.is_known()));
    assert!(psl::suffix(b"example.cam").is_some_and(|s| s.is_known()));
}

//! The catalogue files the browser build loads (`src/messages/file.rs`): each catalogue,
//! written as its texts by path and read back, is the same catalogue; a file missing a text
//! or carrying one this build does not know is refused, naming it.

use std::collections::HashMap;

use maillint::messages::{catalogue, catalogue_name, file, Locale};

/// A catalogue's file as the browser sees it: its texts by path.
fn file_of(locale: Locale) -> HashMap<String, String> {
    file::texts(catalogue(locale))
        .into_iter()
        .map(|(path, text)| (path, text.to_string()))
        .collect()
}

fn read(texts: &HashMap<String, String>) -> Result<maillint::messages::Catalogue, String> {
    file::read(texts.len(), &mut |path| texts.get(path).cloned())
}

#[test]
fn every_catalogue_reads_back_as_itself() {
    for locale in Locale::ALL {
        let written = file::texts(catalogue(locale));
        let paths: std::collections::HashSet<&String> = written.iter().map(|(p, _)| p).collect();
        assert_eq!(paths.len(), written.len(), "{locale:?}: a path given twice");
        let back = read(&file_of(locale)).unwrap();
        assert_eq!(file::texts(&back), written, "{locale:?}");
        // Not English read back by mistake: the texts are the locale's own.
        if locale != Locale::En {
            let english = file::texts(catalogue(Locale::En));
            let differing = written
                .iter()
                .zip(&english)
                .filter(|(a, b)| a.1 != b.1)
                .count();
            assert!(
                differing > written.len() / 2,
                "{locale:?}: {differing} texts differ from English"
            );
        }
    }
}

#[test]
fn the_paths_name_the_catalogues_parts() {
    let texts = file_of(Locale::ZhHant);
    assert_eq!(texts["ui.fix_all"], "全部修正");
    assert_eq!(texts["words.fields.incoming.host"], "內送郵件伺服器");
    assert!(texts["entries.comma-for-dot.message"].contains("{value}"));
    assert!(texts.contains_key("words.terms.app-password"));
    assert!(texts.contains_key("words.months.12"));
    assert!(texts.contains_key("ui.problems.one"));
    assert_eq!(
        catalogue_name(Locale::ZhHantHk),
        catalogue_name(Locale::ZhHant)
    );
}

#[test]
fn a_file_missing_a_text_or_carrying_an_unknown_one_is_refused() {
    let whole = file_of(Locale::Ms);
    let mut missing = whole.clone();
    missing.remove("ui.copied");
    assert_eq!(read(&missing).err().unwrap(), "no text for ui.copied");
    let mut extra = whole.clone();
    extra.insert("ui.not_a_word".to_string(), "x".to_string());
    let n = whole.len();
    assert_eq!(
        read(&extra).err().unwrap(),
        format!("{} texts where {n} are expected", n + 1)
    );
    assert!(read(&HashMap::new()).is_err());
}

#[test]
fn no_path_is_deeper_than_the_browser_reads() {
    // src/wasm/catalogues.rs counts a file's texts no deeper than `PATH_PARTS` levels.
    let deepest = Locale::ALL
        .into_iter()
        .flat_map(|locale| file::texts(catalogue(locale)))
        .map(|(path, _)| path.split('.').count())
        .max();
    assert_eq!(deepest, Some(file::PATH_PARTS));
}

//! A catalogue as a file, for the browser build: it compiles in no texts and loads each
//! locale's catalogue, English's too, when a page first needs it (`scripts/build-wasm.sh`
//! writes `pkg/locales/<name>.js` from the compiled catalogues with
//! `examples/catalogue_modules.rs`).
//! Each text has a path in the catalogue (`entries.comma-for-dot.help`,
//! `words.fields.incoming.host`, `words.terms.app-password`, `words.months.1`,
//! `ui.problems.one`); the file holds it one object level down for each part of its path
//! (`src/wasm/catalogues.rs` reads it so): nothing depends on an order.
//!
//! Writing and reading are one walk, [`rebuild`], so they cannot disagree on a path. Reading
//! leaks the texts once (four catalogues at most), so a loaded catalogue's texts are
//! `&'static str` like a compiled one's. Not serde's derive: reading with it cost the
//! browser build 15,202 bytes gzip, reading with this walk 2,812 (`maillint_bg.wasm` 146,171
//! and 133,781 bytes against 130,969 with no reader at all; `scripts/build-wasm.sh`).

use super::{Catalogue, Entry, Term};
use crate::codes::RULE_CODES;
use crate::settings::Field;

/// A copy of `catalogue` with every text replaced by `text(path, text)`, in one fixed order.
/// An error from `text` (a path the file lacks) stops the walk.
pub fn rebuild(
    catalogue: &Catalogue,
    text: &mut dyn FnMut(&str, &'static str) -> Result<&'static str, String>,
) -> Result<Catalogue, String> {
    let mut entries = Vec::with_capacity(RULE_CODES.len());
    for (code, entry) in RULE_CODES.iter().zip(catalogue.entries) {
        let path = |part: &str| format!("entries.{}.{part}", code.as_str());
        entries.push(Entry {
            message: text(&path("message"), entry.message)?,
            help: text(&path("help"), entry.help)?,
            fix: text(&path("fix"), entry.fix)?,
        });
    }
    let mut words = catalogue.words;
    let mut fields = *words.fields;
    for (field, label) in Field::ALL.iter().zip(&mut fields) {
        *label = text(&format!("words.fields.{}", field.path()), label)?;
    }
    words.fields = Box::leak(Box::new(fields));
    let mut terms = *words.terms;
    for (term, said) in Term::ALL.iter().zip(&mut terms) {
        *said = text(&format!("words.terms.{}", term.name()), said)?;
    }
    words.terms = Box::leak(Box::new(terms));
    for (month, name) in (1..).zip(&mut words.months) {
        *name = text(&format!("words.months.{month}"), name)?;
    }
    words.security_none = text("words.security_none", words.security_none)?;
    words.date = text("words.date", words.date)?;
    words.list_separator = text("words.list_separator", words.list_separator)?;
    words.list_last = text("words.list_last", words.list_last)?;
    let mut ui = catalogue.ui;
    for (name, slot) in ui.slots() {
        *slot = text(&format!("ui.{name}"), slot)?;
    }
    Ok(Catalogue {
        entries: entries.leak(),
        #[cfg(feature = "probe")]
        probe_entry: catalogue.probe_entry,
        words,
        ui,
        #[cfg(feature = "probe")]
        step: catalogue.step,
    })
}

/// The most parts a text's path has (`words.fields.incoming.host`): a file is never read
/// deeper (a test checks every path).
pub const PATH_PARTS: usize = 4;

/// Every text of `catalogue` with its path, in [`rebuild`]'s order.
pub fn texts(catalogue: &Catalogue) -> Vec<(String, &'static str)> {
    let mut all = Vec::new();
    // Only leaks the three small tables of a copy: the writer runs once per build.
    let _ = rebuild(catalogue, &mut |path, text| {
        all.push((path.to_string(), text));
        Ok(text)
    });
    all
}

/// Reads a catalogue from its file into [`Catalogue::blank`]'s shape (under `probe` its
/// probe texts stay blank: no file carries them): `text(path)` is the file's text at
/// `path`, if it has one; `count` how many texts it has. An error names the first missing
/// path, or says the file has texts this build does not know (written for another version).
pub fn read(
    count: usize,
    text: &mut dyn FnMut(&str) -> Option<String>,
) -> Result<Catalogue, String> {
    let mut read = 0;
    let catalogue = rebuild(Catalogue::blank(), &mut |path, _| {
        read += 1;
        let found = text(path).ok_or_else(|| format!("no text for {path}"))?;
        Ok(Box::leak(found.into_boxed_str()))
    })?;
    if read != count {
        return Err(format!("{count} texts where {read} are expected"));
    }
    Ok(catalogue)
}

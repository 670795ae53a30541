//! Writes each locale's catalogue as a JavaScript module, for the browser build: it compiles
//! in no texts and imports these when a page first needs a language (`src/wasm/locales.js`,
//! read by `src/wasm/catalogues.rs` and `src/messages/file.rs`; `maillint.js` carries
//! English's too). `scripts/build-wasm.sh` runs it on every build, so the modules always
//! match the compiled catalogues:
//!
//! `cargo run --example catalogue_modules -- pkg/locales` writes `en.js`, `zh_hant.js`,
//! `zh_hans.js` and `ms.js` there, each `export default` the catalogue's texts by path
//! (`src/messages/file.rs`), one object level for each part of the path.

use std::process::ExitCode;

use maillint::messages::{catalogue, catalogue_name, file, Locale};

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: catalogue_modules DIR");
        return ExitCode::FAILURE;
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("catalogue_modules: {dir}: {e}");
        return ExitCode::FAILURE;
    }
    let mut written: Vec<&str> = Vec::new();
    for locale in Locale::ALL {
        let name = catalogue_name(locale);
        // Taiwan and Hong Kong share one catalogue.
        if written.contains(&name) {
            continue;
        }
        let texts = match nested(file::texts(catalogue(locale))) {
            Ok(texts) => texts,
            Err(e) => {
                eprintln!("catalogue_modules: {name}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let json = match serde_json::to_string(&texts) {
            Ok(json) => json,
            Err(e) => {
                eprintln!("catalogue_modules: {name}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let path = format!("{dir}/{name}.js");
        let module = format!("// maillint's {name} catalogue, written by examples/catalogue_modules.rs.\nexport default {json};\n");
        if let Err(e) = std::fs::write(&path, module) {
            eprintln!("catalogue_modules: {path}: {e}");
            return ExitCode::FAILURE;
        }
        written.push(name);
    }
    ExitCode::SUCCESS
}

/// The texts as objects within objects, one level for each part of a path
/// (`entries.comma-for-dot.help` is `{"entries": {"comma-for-dot": {"help": …}}}`): each
/// part is written once, not once for every text under it (about 300 bytes gzip less for
/// each module). A path that is also another's start cannot be written so, and is an error.
fn nested(texts: Vec<(String, &str)>) -> Result<serde_json::Value, String> {
    use serde_json::{Map, Value};
    let mut root = Map::new();
    for (path, text) in texts {
        let mut parts: Vec<&str> = path.split('.').collect();
        let Some(last) = parts.pop() else {
            continue;
        };
        let mut at = &mut root;
        for part in parts {
            let next = at.entry(part).or_insert_with(|| Value::Object(Map::new()));
            at = match next {
                Value::Object(map) => map,
                _ => return Err(format!("{path}: a text where a group is expected")),
            };
        }
        if at.insert(last.to_string(), text.into()).is_some() {
            return Err(format!("{path}: written twice"));
        }
    }
    Ok(Value::Object(root))
}

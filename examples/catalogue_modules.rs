//! Writes each locale's catalogue but English as a JavaScript module, for the browser build:
//! it compiles in English alone and imports these when a page first needs another language
//! (`src/wasm/locales.js`, read by `src/messages/file.rs`). `scripts/build-wasm.sh` runs it
//! on every build, so the modules always match the compiled catalogues:
//!
//! `cargo run --example catalogue_modules -- pkg/locales` writes `zh_hant.js`, `zh_hans.js`
//! and `ms.js` there, each `export default` the catalogue's texts by path (`src/messages/file.rs`).

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
        // English is compiled in; Taiwan and Hong Kong share one catalogue.
        if locale == Locale::En || written.contains(&name) {
            continue;
        }
        let texts: serde_json::Map<String, serde_json::Value> = file::texts(catalogue(locale))
            .into_iter()
            .map(|(path, text)| (path, text.into()))
            .collect();
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

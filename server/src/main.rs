//! `maillint-server`: serves the sample page, the wasm package and the reachability probe.

use clap::Parser;

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt().with_target(false).init();
    let config = maillint_server::config::Config::parse();
    match maillint_server::http::serve(config).await {
        Ok((addr, handle)) => {
            println!("maillint: open http://{addr}/www/  (Ctrl-C stops the server)");
            tokio::select! {
                _ = handle => {}
                _ = tokio::signal::ctrl_c() => {}
            }
        }
        Err(e) => {
            eprintln!("maillint-server: {e}");
            std::process::exit(2);
        }
    }
}

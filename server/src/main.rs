//! `maillint-server`: serves the sample page, the wasm package, the reachability probe and
//! discovery. On SIGTERM or SIGINT it drains (health says "draining", no new connections,
//! requests in flight finish) and exits 0.

use clap::Parser;

#[tokio::main]
async fn main() {
    let config = maillint_server::config::Config::parse();
    match config.log_format.as_str() {
        // Logs go to stderr; stdout carries only the address line.
        "json" => tracing_subscriber::fmt()
            .json()
            .with_writer(std::io::stderr)
            .with_target(false)
            .with_current_span(false)
            .init(),
        "text" => tracing_subscriber::fmt()
            .with_writer(std::io::stderr)
            .with_target(false)
            .init(),
        other => {
            eprintln!("maillint-server: --log-format is text or json, not {other}");
            std::process::exit(2);
        }
    }
    let server = match maillint_server::http::start(config).await {
        Ok(server) => server,
        Err(e) => {
            eprintln!("maillint-server: {e}");
            std::process::exit(2);
        }
    };
    println!(
        "maillint: open http://{}/www/  (Ctrl-C stops the server)",
        server.addr
    );
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate => {}
    }
    server.drain().await;
}

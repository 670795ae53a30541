//! The server's metrics, in the Prometheus text format at `/metrics` on `--metrics-listen`
//! (and on the public address only with `--metrics-public`): requests by route and status, probes by outcome code, probe and
//! discovery latency, requests in flight, rate-limited requests and Redis fallbacks. One
//! recorder per process (the `metrics` facade is global), installed by the first server.

use std::sync::OnceLock;

use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Installs the recorder (once).
pub fn install() {
    HANDLE.get_or_init(|| {
        let builder = PrometheusBuilder::new()
            .set_buckets(&[
                0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            ])
            .ok()?;
        builder.install_recorder().ok()
    });
}

/// The current values.
pub fn render() -> String {
    HANDLE
        .get()
        .and_then(|h| h.as_ref())
        .map(PrometheusHandle::render)
        .unwrap_or_default()
}

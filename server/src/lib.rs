//! maillint-server: the reachability backend. It answers one question the browser cannot:
//! does this mail server answer, speak TLS with a valid certificate, and offer what a mail
//! client needs? Because anonymous visitors name the hosts, every request passes the guard
//! (no private targets, no DNS rebinding, allowed ports only) and the limits (per client,
//! per target, in flight, body size, header time) before any socket opens.

pub mod app;
pub mod client;
pub mod config;
pub mod conn;
pub mod discover;
pub mod guard;
pub mod http;
pub mod limits;
pub mod metrics;
pub mod probe;
pub mod resolver;
pub mod routes;
pub mod web;

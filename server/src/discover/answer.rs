//! A discovery as the API answers it, in the request's language: the mail exchangers, every
//! source with its outcome, the provider and its profile (the same object type `check` and
//! `mount` take as `profile`), and the findings rendered by the engine's catalogues.

use maillint::profile::{Profile, ServerSpec};
use maillint::render::render;
use maillint::settings::{Protocol, Security};
use maillint::Locale;
use serde_json::{json, Value};

use super::Discovered;

fn socket_type(s: Option<Security>) -> Value {
    match s {
        Some(Security::Tls) => json!("SSL"),
        Some(Security::Starttls) => json!("STARTTLS"),
        Some(Security::None) => json!("plain"),
        None => Value::Null,
    }
}

fn server(s: &ServerSpec) -> Value {
    let mut v = json!({
        "type": s.protocol.as_str(),
        "hostname": s.hostname,
        "port": s.port,
        "socketType": socket_type(s.security),
    });
    if let Some(obj) = v.as_object_mut() {
        if let Some(u) = &s.username {
            obj.insert("username".into(), json!(u));
        }
        if let Some(a) = &s.authentication {
            obj.insert("authentication".into(), json!(a));
        }
        // A server the file names without a port or socket type is sent without them.
        obj.retain(|_, v| !v.is_null());
    }
    v
}

/// A profile as the `ProviderProfile` object of the JS API.
pub fn profile_json(p: &Profile) -> Value {
    let mut v = json!({
        "domains": p.domains,
        "incoming": p.incoming.iter().map(server).collect::<Vec<_>>(),
        "outgoing": p.outgoing.iter().map(server).collect::<Vec<_>>(),
    });
    if let Some(obj) = v.as_object_mut() {
        if let Some(name) = &p.display_name {
            obj.insert("displayName".into(), json!(name));
        }
        if !p.not_offered.is_empty() {
            let names: Vec<&str> = p
                .not_offered
                .iter()
                .map(|p: &Protocol| p.as_str())
                .collect();
            obj.insert("notOffered".into(), json!(names));
        }
    }
    v
}

/// The whole answer.
pub fn answer(found: &Discovered, locale: Locale) -> Value {
    let findings: Vec<Value> = found
        .drafts
        .iter()
        .cloned()
        .map(|d| serde_json::to_value(render(d, locale)).unwrap_or(Value::Null))
        .collect();
    json!({
        "domain": found.domain,
        "mail": {
            "mx": found.mx.iter().map(|m| json!({ "host": m.host, "preference": m.preference })).collect::<Vec<_>>(),
            "nullMx": found.null_mx,
            "receivesMail": found.receives_mail,
        },
        "sources": found.sources,
        // `oauth`: mail apps sign in there with the provider's own page, which the discovery
        // line says.
        "provider": found.provider.as_ref().map(|(name, source)| json!({
            "name": name,
            "source": source,
            "oauth": found.profile.as_ref().is_some_and(Profile::offers_oauth),
        })),
        "profile": found.profile.as_ref().map(profile_json),
        "findings": findings,
    })
}

/// Whether `text` (a value read back from the shared cache) is a discovery answer about
/// `domain`: a JSON object naming the domain, with its sources listed. Anything else is
/// not served.
pub fn is_answer_for(text: &str, domain: &str) -> bool {
    let Ok(Value::Object(v)) = serde_json::from_str::<Value>(text) else {
        return false;
    };
    v.get("domain").and_then(Value::as_str) == Some(domain)
        && v.get("sources").is_some_and(Value::is_array)
        && v.get("mail").is_some_and(Value::is_object)
        && v.get("findings").is_some_and(Value::is_array)
}

#[cfg(test)]
mod tests {
    use super::is_answer_for;

    #[test]
    fn only_an_answer_about_the_domain_is_served_from_the_shared_cache() {
        let good = r#"{"domain":"a.test","mail":{},"sources":[],"findings":[],"profile":null}"#;
        assert!(is_answer_for(good, "a.test"));
        assert!(!is_answer_for(good, "b.test"));
        for junk in [
            "<script>alert(1)</script>",
            "",
            "null",
            "[]",
            r#"{"domain":"a.test"}"#,
        ] {
            assert!(!is_answer_for(junk, "a.test"), "{junk}");
        }
    }
}

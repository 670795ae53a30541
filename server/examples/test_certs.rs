//! Writes the certificates the probe's tests use into a folder: a test CA, a valid
//! certificate, an expired one, one for the wrong name, one expired and for the wrong name,
//! and a self-signed one. Each has its own subject name, so rustls reports each problem as
//! itself. Usage: `cargo run -p maillint-server --example test_certs -- DIR`.

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, SanType};

fn params(cn: &str, names: &[&str]) -> Result<CertificateParams, rcgen::Error> {
    let mut p = CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>())?;
    p.distinguished_name.push(DnType::CommonName, cn);
    p.subject_alt_names.push(SanType::IpAddress(
        "127.0.0.1"
            .parse()
            .map_err(|_| rcgen::Error::CouldNotParseCertificate)?,
    ));
    Ok(p)
}

fn write(dir: &std::path::Path, name: &str, cert: &str, key: &str) -> std::io::Result<()> {
    std::fs::write(dir.join(format!("{name}.pem")), cert)?;
    std::fs::write(dir.join(format!("{name}.key")), key)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).ok_or("usage: test_certs DIR")?);
    std::fs::create_dir_all(&dir)?;
    let ca_key = KeyPair::generate()?;
    let mut ca = CertificateParams::new(Vec::<String>::new())?;
    ca.distinguished_name
        .push(DnType::CommonName, "maillint test CA");
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca_cert = ca.self_signed(&ca_key)?;
    write(&dir, "ca", &ca_cert.pem(), &ca_key.serialize_pem())?;
    let issuer = Issuer::new(ca, ca_key);

    let signed =
        |cn: &str, names: &[&str], expired: bool| -> Result<(String, String), rcgen::Error> {
            let mut p = params(cn, names)?;
            if expired {
                p.not_before = rcgen::date_time_ymd(2020, 1, 1);
                p.not_after = rcgen::date_time_ymd(2021, 1, 1);
            }
            let key = KeyPair::generate()?;
            let cert = p.signed_by(&key, &issuer)?;
            Ok((cert.pem(), key.serialize_pem()))
        };
    let (c, k) = signed("mail.maillint.test", &["mail.maillint.test"], false)?;
    write(&dir, "valid", &c, &k)?;
    let (c, k) = signed("expired.maillint.test", &["expired.maillint.test"], true)?;
    write(&dir, "expired", &c, &k)?;
    let (c, k) = signed(
        "other.maillint.test",
        &["other.maillint.test", "*.other.maillint.test"],
        false,
    )?;
    write(&dir, "wrongname", &c, &k)?;
    let (c, k) = signed(
        "elsewhere.maillint.test",
        &["elsewhere.maillint.test"],
        true,
    )?;
    write(&dir, "both", &c, &k)?;
    let key = KeyPair::generate()?;
    let cert =
        params("selfsigned.maillint.test", &["selfsigned.maillint.test"])?.self_signed(&key)?;
    write(&dir, "selfsigned", &cert.pem(), &key.serialize_pem())?;
    println!("certificates written to {}", dir.display());
    Ok(())
}

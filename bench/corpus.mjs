// The bench's 1,200 varied settings for check (valid, each kind of mistake, long junk), and
// how one pass over them is timed. Imported by the bench page in Chromium, by the main run
// and by the side-by-side comparison with an earlier build.

export function corpus() {
  let seed = 42;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const hosts = ["mail.lamtin.hk", "mail,lamtin,hk", " mail.lamtin.hk", "mail。lamtin。hk", "mail.[yourdomain]", "imap.gmail.con", "smtp.gmail.com", "https://mail.lamtin.hk/owa", "mail.lamtin.hk:993", "mail..lamtin.hk", "mail.bücher.de", "momo@gmail.com", "mail", "x".repeat(300)];
  const emails = ["momo@lamtin.hk", "momo@gmial.com", "momo@so-net，net.tw", "momo＠lamtin.hk", "johndoe@example.com", "momo", "momo@icloud.com", "momo@qq.com", "\u200bmomo@hotmial.com", "y".repeat(500) + "@gmail.com"];
  const ports = [993, "993 ", "９９３", 995, 143, 25, 587, 465, "99a3", 70000, 2525, undefined];
  const security = ["tls", "starttls", "none", "SSL/TLS", "yes", undefined];
  const out = [];
  for (let i = 0; i < 1200; i++) {
    out.push({
      email: emails[rand(emails.length)],
      incoming: { protocol: rand(2) ? "imap" : "pop3", host: hosts[rand(hosts.length)], port: ports[rand(ports.length)], security: security[rand(security.length)], username: emails[rand(emails.length)] },
      outgoing: { host: hosts[rand(hosts.length)], port: ports[rand(ports.length)], security: security[rand(security.length)], auth: rand(4) !== 0 },
    });
  }
  return out;
}

/** Each setting checked 20 times in a row (browsers coarsen performance.now()); its mean
 * per call, in ms, for each setting of the corpus. */
export function pass(m, settings) {
  return settings.map((s) => {
    const t0 = performance.now();
    for (let r = 0; r < 20; r++) m.check(s);
    return (performance.now() - t0) / 20;
  });
}

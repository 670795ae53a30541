// maillint's bench: sizes, start-up, check latency and paste/profile speed in Debian's
// Chromium, typo accuracy beside mailcheck and @zootools/email-spell-checker, and the
// backend's probe overhead, throughput and memory. Run by scripts/bench.sh, which builds
// the release package, starts the mail servers and maillint-server, and passes their
// addresses in the environment. Prints the table and writes bench/RESULTS.md.
import { existsSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { cpus, totalmem } from "node:os";
import { createRequire } from "node:module";
import tls from "node:tls";
import net from "node:net";
import http from "node:http";
import { launchChromium, serve } from "../tests/e2e/serve.mjs";
import { pasteShapes } from "./paste-shapes.mjs";

const require = createRequire(import.meta.url);
const root = new URL("../", import.meta.url);
const file = (p) => new URL(p, root);
const rows = [];
const row = (section, what, value, budget, how) => rows.push({ section, what, value, budget, how });
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };

// ---- Sizes ------------------------------------------------------------------------------
// scripts/minify.mjs bundles the snippets into maillint-core.js (the glue); a build without
// it keeps them apart.
const snippets = existsSync(file("pkg/snippets"))
  ? readdirSync(file("pkg/snippets"), { recursive: true }).filter((f) => f.endsWith(".js")).map((f) => `pkg/snippets/${f}`)
  : [];
const parts = [["wasm", ["pkg/maillint_bg.wasm"]], ["JS glue (the element's)", ["pkg/maillint-core.js", ...snippets]], ["API entry: glue and English", ["pkg/maillint.js"]], ["CSS", ["pkg/maillint.css"]], ["element entry", ["pkg/element.js"]]];
const sizes = {};
for (const [name, files] of parts) {
  const raw = files.map((f) => readFileSync(file(f)).length).reduce((a, b) => a + b, 0);
  const gz = files.map((f) => gzipSync(readFileSync(file(f)), { level: 9 }).length).reduce((a, b) => a + b, 0);
  sizes[name] = { raw, gz };
  row("size", name, `${kb(raw)} raw, ${kb(gz)} gzip`, "", `${files.join(" + ")}, gzip -9`);
}
// What a page loads by entry point: `maillint` (the API and mount(): maillint.js, which
// carries the glue and English's texts, the module, and the stylesheet a page links) and
// `maillint/element` (the element entry, which carries the stylesheet itself, the glue, the
// module, and the catalogue of the language its widget shows).
const entry = (names) => names.reduce((t, n) => ({ raw: t.raw + sizes[n].raw, gz: t.gz + sizes[n].gz }), { raw: 0, gz: 0 });
// Each language is a module of its own (pkg/locales/), loaded when a page first needs it.
const catalogues = readdirSync(file("pkg/locales")).filter((f) => f.endsWith(".js")).map((f) => {
  const bytes = readFileSync(file(`pkg/locales/${f}`));
  return { name: f, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
});
const allCatalogues = catalogues.reduce((t, c) => ({ raw: t.raw + c.raw, gz: t.gz + c.gz }), { raw: 0, gz: 0 });
const english = catalogues.find((c) => c.name === "en.js");
if (!english) throw new Error("pkg/locales/en.js: missing (run scripts/build-wasm.sh)");
const others = catalogues.filter((c) => c !== english);
const largest = others.reduce((a, c) => (c.gz > a.gz ? c : a), { gz: 0 });
row("size", "catalogues", catalogues.map((c) => `${c.name} ${kb(c.gz)}`).join(", ") + " gzip", "", "pkg/locales/*.js, gzip -9: each loaded when a page first needs its language (English's texts are also in maillint.js)");
const plus = (a, c) => ({ raw: a.raw + c.raw, gz: a.gz + c.gz });
const apiEntry = entry(["wasm", "API entry: glue and English", "CSS"]);
// The element entry carries its stylesheet (a constructed stylesheet): no CSS file.
const elementBase = entry(["wasm", "JS glue (the element's)", "element entry"]);
const element = plus(elementBase, english);
const elementLocal = plus(elementBase, largest);
// Issue 24's budget: 130 KB, and a hard limit of 150 KB.
const budget = (gz) => (gz <= 130 * 1024 ? "≤ 130 KB: met"
  : gz <= 150 * 1024 ? `≤ 130 KB: MISSED by ${kb(gz - 130 * 1024)} (hard limit 150 KB: met)`
  : `hard limit 150 KB: MISSED by ${kb(gz - 150 * 1024)}`);
row("size", "entry `maillint` (wasm + maillint.js + CSS)", `${kb(apiEntry.raw)} raw, ${kb(apiEntry.gz)} gzip (${apiEntry.gz} bytes)`, budget(apiEntry.gz), "what a page using mount() in English loads");
const withAll = apiEntry.gz + allCatalogues.gz - english.gz;
row("size", "  with every catalogue", `${kb(withAll)} gzip (${withAll} bytes)`, "", "after loadLocale() with no tag");
row("size", "entry `maillint/element`: total shipped", `${kb(element.raw)} raw, ${kb(element.gz)} gzip (${element.gz} bytes)`, budget(element.gz), "what the one-tag page loads in English (en.js), gzip -9");
row("size", "  the same in another language", `${kb(elementLocal.raw)} raw, ${kb(elementLocal.gz)} gzip (${elementLocal.gz} bytes)`, budget(elementLocal.gz), `with the largest catalogue (${largest.name})`);
// What a bundle takes in from the entries that carry the .wasm in JavaScript (every bundler
// but webpack: package.json's default condition): glue, element and the deflated .wasm.
{
  const carried = ["pkg/maillint-core-inline.js", "pkg/element-inline.js", "pkg/wasm-inline.js", "pkg/locales/en.js"];
  const gz = carried.map((f) => gzipSync(readFileSync(file(f)), { level: 9 }).length).reduce((a, b) => a + b, 0);
  row("size", "entry `maillint/element` for bundlers, .wasm carried in JS", `${kb(gz)} gzip (${gz} bytes; ${gz - element.gz >= 0 ? "+" : ""}${gz - element.gz} beside the file)`, "", `${carried.join(" + ")}, gzip -9: the .wasm deflated and in base64`);
}
if (process.env.BENCH_TWIGGY) {
  // twiggy's CSV: Name,ShallowSize,ShallowSizePercent. Grouped by the crate a name starts with.
  const byCrate = new Map();
  for (const line of readFileSync(process.env.BENCH_TWIGGY, "utf8").trim().split("\n").slice(1)) {
    const m = /^"?(.*?)"?,(\d+),/.exec(line);
    if (!m) continue;
    const name = m[1].replace(/^[<&(]+/, "");
    let crate = /^data segment|^"?function names|custom section|^type\[|^import |^export |^table|^elem|^global|^memory/.test(name)
      ? (name.startsWith("data") ? "data (strings, tables)" : "wasm structure")
      : name.split("::")[0].replace(/\[[0-9a-f]+\]$/, "");
    if (name.includes("function names")) continue; // removed by wasm-opt
    byCrate.set(crate, (byCrate.get(crate) ?? 0) + Number(m[2]));
  }
  const top = [...byCrate.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
  for (const [crate, bytes] of top) row("size", `  of which ${crate}`, `${kb(bytes)} raw`, "", "twiggy top by crate, on the same build before wasm-opt and stripping");
}

// The real-domain filter inside the wasm (build.rs writes it beside the release build).
{
  const near = readFileSync(file("data/real-domains-near.txt"), "utf8").split("\n").filter((l) => l && !l.startsWith("#")).length;
  const all = readFileSync(file("data/real-domains.txt"), "utf8").split("\n").filter((l) => l && !l.startsWith("#")).length;
  const build = new URL("target/wasm32-unknown-unknown/release/build/", root);
  const bins = readdirSync(build).map((d) => new URL(`${d}/out/real-domains.bin`, build)).filter((u) => { try { readFileSync(u); return true; } catch { return false; } });
  const bytes = bins.length ? readFileSync(bins[0]).length : 0;
  row("size", "  of which the real-domain filter", `${bytes} bytes for ${near} domains (of ${all} real ones)`, "", "binary fuse filter, 8-bit fingerprints; the other real domains never look misspelt");
}

// ---- In the browser ---------------------------------------------------------------------
const server = await serve({ isolate: true });
const browser = await launchChromium();
/** Twenty loads of `module` (its default export started, then one check), each in a new
 * context (empty cache): how long each took, in ms. */
async function startUps(module) {
  const times = [];
  for (let i = 0; i < 20; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/bench/page.html`);
    times.push(await page.evaluate(async (module) => {
      const t0 = performance.now();
      const m = await import(`${module}?load=${Math.random()}`);
      await m.default();
      m.check({ email: "momo@gmial.com", incoming: { host: "mail,lamtin,hk" } });
      return performance.now() - t0;
    }, module));
    await context.close();
  }
  return times;
}
const startups = await startUps("/pkg/maillint.js");
row("browser", "start-up: fetch + compile + instantiate + first check", `${median(startups).toFixed(1)} ms median of 20`, "", "Chromium headless, page on localhost, a new context (empty cache) each load");
// The same from the entry that carries the .wasm in JavaScript: base64 and inflating cost.
const carriedStartups = await startUps("/pkg/maillint-inline.js");
row("browser", "  the same, .wasm carried in JS (bundlers but webpack)", `${median(carriedStartups).toFixed(1)} ms median of 20`, "", "maillint-inline.js: wasm-inline.js fetched, its base64 read and inflated (DecompressionStream), then compiled");
// What the one-tag page asks for, in order: the element entry starts the glue and the .wasm
// together, so the .wasm's request goes out before the glue has arrived.
{
  const context = await browser.newContext();
  const p = await context.newPage();
  const events = [];
  p.on("request", (r) => { const u = new URL(r.url()); if (u.pathname.startsWith("/pkg/")) events.push(["start", u.pathname.slice(5)]); });
  p.on("requestfinished", async (r) => { const u = new URL(r.url()); if (u.pathname.startsWith("/pkg/")) events.push(["end", u.pathname.slice(5), (await r.sizes()).responseBodySize]); });
  await p.goto(`${server.url}/www/element.html`);
  await p.locator('mail-settings-check [name="email"]').waitFor();
  const files = events.filter((e) => e[0] === "end");
  const bytes = files.reduce((t, e) => t + e[2], 0);
  const at = (kind, name) => events.findIndex((e) => e[0] === kind && e[1] === name);
  const beside = at("start", "maillint_bg.wasm") < at("end", "maillint-core.js");
  row("browser", "one-tag page: what it asks for", `${files.length} requests (${files.map((e) => e[1]).join(", ")}), ${kb(bytes)} uncompressed`, "", beside ? "the .wasm requested before the glue arrived: element entry, then glue and .wasm side by side" : "the .wasm requested after the glue arrived");
  await context.close();
}

const page = await (await browser.newContext()).newPage();
await page.goto(`${server.url}/bench/page.html`);
const inBrowser = await page.evaluate(async () => {
  const m = await import("/pkg/maillint.js");
  await m.default();
  // A corpus of 1,200 varied settings: valid, each kind of mistake, long junk.
  const { corpus: makeCorpus, pass: timePass } = await import("/bench/corpus.mjs");
  const corpus = makeCorpus();
  // The timer's step: browsers coarsen performance.now(), so each setting is checked 20
  // times in a row and its cost is the mean of those; median and p99 are over settings.
  let step = Infinity;
  for (let i = 0; i < 1000; i++) { const a = performance.now(); let b = performance.now(); while (b === a) b = performance.now(); step = Math.min(step, b - a); }
  const pass = () => timePass(m, corpus);
  // The first pass runs while V8 still compiles the hot wasm functions with its optimizing
  // tier (it starts on the baseline compiler); it is reported on its own. The budget is
  // judged on the passes after it, the steady state a customer typing reaches.
  const cold = pass();
  const times = [...pass(), ...pass()];
  // A 1 MB paste: a real block among junk lines.
  const block = "Incoming server: mail.lamtin.hk\nPort: 993\nSSL: Yes\nOutgoing server: mail.lamtin.hk\nPort: 465\n";
  let paste = "";
  while (paste.length < 1 << 20) paste += block + "Lorem ipsum dolor sit amet, consectetur adipiscing elit, 請檢查設定。\n".repeat(20);
  const parse = [];
  for (let i = 0; i < 7; i++) { const t0 = performance.now(); m.parseSettings(paste); parse.push(performance.now() - t0); }
  // A 1 MB profile: a real one padded with comments up to the limit.
  const xml = await (await fetch("/www/profiles/hk-host.xml")).text();
  const big = xml.replace("<clientConfig", "<!--" + "x".repeat((1 << 20) - xml.length - 64) + "--><clientConfig");
  const lint = [];
  for (let i = 0; i < 7; i++) { const t0 = performance.now(); m.lintProfile(big); lint.push(performance.now() - t0); }
  return { cold, times, settings: corpus.length, step, parse, lint, isolated: crossOriginIsolated, size: paste.length, xml: big.length };
});
const us = (ms) => `${(ms * 1000).toFixed(0)} µs`;
row("browser", `check latency over ${inBrowser.settings} varied settings`, `median ${us(median(inBrowser.times))}, p99 ${us(pct(inBrowser.times, 0.99))}`, pct(inBrowser.times, 0.99) < 0.1 ? "p99 < 100 µs: met" : "p99 < 100 µs: MISSED", `two passes after a first one; each setting checked 20 times in a row, its mean per call; timer step ${us(inBrowser.step)} (cross-origin isolated: ${inBrowser.isolated})`);
row("browser", "  the first pass over the same settings", `median ${us(median(inBrowser.cold))}, p99 ${us(pct(inBrowser.cold, 0.99))}`, "", "right after start-up, while V8 moves the hot functions from its baseline to its optimizing compiler");
row("browser", `parseSettings on a ${kb(inBrowser.size)} paste`, `${median(inBrowser.parse).toFixed(1)} ms median of 7`, median(inBrowser.parse) < 50 ? "< 50 ms: met" : "< 50 ms: MISSED", "performance.now() around the call");
// The paste shapes: ordinary pages and text made to be slow, 1 MB each.
const shapes = pasteShapes();
const shapeTimes = await page.evaluate(async (shapes) => {
  const m = await import("/pkg/maillint.js");
  await m.default();
  const out = {};
  for (const [name, text] of Object.entries(shapes)) {
    const times = [];
    for (let i = 0; i < 7; i++) { const t0 = performance.now(); m.parseSettings(text); times.push(performance.now() - t0); }
    out[name] = times;
  }
  return out;
}, shapes);
for (const [name, times] of Object.entries(shapeTimes)) {
  row("browser", `  parseSettings, 1 MB of ${name}`, `${median(times).toFixed(1)} ms median of 7`, median(times) < 50 ? "< 50 ms: met" : "< 50 ms: MISSED", "bench/paste-shapes.mjs");
}
row("browser", `lintProfile on a ${kb(inBrowser.xml)} profile`, `${median(inBrowser.lint).toFixed(1)} ms median of 7`, median(inBrowser.lint) < 50 ? "< 50 ms: met" : "< 50 ms: MISSED", "a real profile padded with a comment to the 1 MB limit");
// Side by side with an earlier build (BENCH_BASELINE=<git revision> ./scripts/bench.sh puts
// its package in target/bench-baseline/pkg): both modules in one page, their passes
// interleaved, so a slow minute of the machine slows both alike. Runs apart vary by up to
// 2× here, and even passes a second apart by 20 %: "check no slower" is judged on the
// differences between the two builds' passes run back to back (20 pairs, the order
// alternating), at the median and at p99.
if (process.env.BENCH_BASELINE) {
  const rev = process.env.BENCH_BASELINE;
  const side = await (await browser.newContext()).newPage();
  await side.goto(`${server.url}/bench/page.html`);
  const pairs = 20;
  const both = await side.evaluate(async (pairs) => {
    const { corpus, pass } = await import("/bench/corpus.mjs");
    const settings = corpus();
    const mods = { before: await import("/target/bench-baseline/pkg/maillint.js"), now: await import("/pkg/maillint.js") };
    await mods.before.default();
    await mods.now.default();
    const out = { before: { first: pass(mods.before, settings), passes: [] }, now: { first: pass(mods.now, settings), passes: [] } };
    for (let k = 0; k < pairs; k++) {
      for (const name of k % 2 ? ["now", "before"] : ["before", "now"]) out[name].passes.push(pass(mods[name], settings));
    }
    return out;
  }, pairs);
  for (const r of [both.before, both.now]) r.steady = r.passes.flat();
  const line = (r) => `first pass median ${us(median(r.first))}, p99 ${us(pct(r.first, 0.99))}; steady median ${us(median(r.steady))}, p99 ${us(pct(r.steady, 0.99))}`;
  // Per pair: this build's median (and p99) minus the earlier build's, in the same second.
  const apart = (stat) => both.now.passes.map((t, i) => stat(t) - stat(both.before.passes[i]));
  const byMedian = apart(median);
  const byP99 = apart((t) => pct(t, 0.99));
  const signed = (ms) => `${ms > 0 ? "+" : ""}${(ms * 1000).toFixed(1)} µs`;
  const fewer = (d) => d.filter((x) => x < 0).length;
  const noSlower = median(byMedian) <= 0 && median(byP99) <= 0;
  row("browser", `check side by side: the build of ${rev}`, line(both.before), "", `same page, same corpus, ${pairs} steady passes each, run in pairs`);
  row("browser", "check side by side: this build", line(both.now), "", "the first pass of each module is its own first pass");
  row(
    "browser",
    "check side by side: this build minus the other, pass by pass",
    `median ${signed(median(byMedian))} (faster in ${fewer(byMedian)} of ${pairs} pairs), p99 ${signed(median(byP99))} (lower in ${fewer(byP99)} of ${pairs})`,
    noSlower ? "no slower at the median and p99: met" : "no slower at the median and p99: MISSED",
    "the median of the differences between passes run back to back, the order alternating",
  );
  await side.close();
}
await browser.close();
server.close();

// ---- Typo accuracy beside the tools people use today ------------------------------------
const { initSync, check } = await import(file("pkg/maillint.js"));
initSync({ module: readFileSync(file("pkg/maillint_bg.wasm")) });
const Mailcheck = require("mailcheck");
const zoo = (await import("@zootools/email-spell-checker")).default;
const cases = JSON.parse(readFileSync(file("bench/typos.json"), "utf8"));
const tools = {
  maillint: (email) => {
    // Both typo codes: the error (evidence) and the warning that asks; each carries the fix.
    const f = check({ email }).findings.find((x) => (x.code === "domain-typo" || x.code === "domain-typo-suspected") && x.fix);
    return f ? String(f.fix.edits[0].value).split("@").pop() : null;
  },
  // Its documented entry point, with its default lists.
  mailcheck: (email) => { let r = null; Mailcheck.run({ email, suggested: (x) => { r = x.domain; }, empty: () => {} }); return r; },
  "@zootools/email-spell-checker": (email) => { const r = zoo.run({ email }); return r ? r.domain : null; },
};
const positives = cases.filter((c) => c.expect).length;
const typoPasses = 10, warmPasses = 20;
for (const [name, suggest] of Object.entries(tools)) {
  // The first pass gives the answers (and runs each tool cold, as on a page's first use).
  // Then each tool, alike, runs 20 passes to let V8 optimize it (its wasm tier-up needs
  // more calls than a JS function's), and its time per address is the mean of 10 more.
  let made = 0, right = 0;
  const c0 = performance.now();
  for (const c of cases) {
    const s = suggest(`momo@${c.domain}`);
    if (s) { made++; if (s === c.expect) right++; }
  }
  const cold = (performance.now() - c0) / cases.length;
  for (let p = 0; p < warmPasses; p++) for (const c of cases) suggest(`momo@${c.domain}`);
  const t0 = performance.now();
  for (let p = 0; p < typoPasses; p++) for (const c of cases) suggest(`momo@${c.domain}`);
  const per = (performance.now() - t0) / cases.length / typoPasses;
  row("typos", name, `precision ${(100 * right / Math.max(made, 1)).toFixed(1)} %, recall ${(100 * right / positives).toFixed(1)} %, ${(per * 1000).toFixed(1)} µs/address (first pass ${(cold * 1000).toFixed(1)})`, "", `${cases.length} labelled addresses (${positives} misspelt, ${cases.length - positives} real), same node process; time: mean of ${typoPasses} passes after ${warmPasses + 1} others`);
}

// ---- The backend --------------------------------------------------------------------------
const api = process.env.BENCH_API; // http://127.0.0.1:PORT
const serverPid = process.env.BENCH_SERVER_PID;
const ca = process.env.BENCH_CA ? readFileSync(process.env.BENCH_CA) : null;
if (api && serverPid && ca) {
  const rss = () => { const s = readFileSync(`/proc/${serverPid}/status`, "utf8"); return { rss: Number(/VmRSS:\s+(\d+)/.exec(s)[1]), hwm: Number(/VmHWM:\s+(\d+)/.exec(s)[1]) }; };
  const agent = new http.Agent({ keepAlive: false, maxSockets: 1000 });
  const post = (body) => new Promise((ok, fail) => {
    const data = JSON.stringify(body);
    const req = http.request(`${api}/api/probe`, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": data.length } }, (res) => {
      let text = ""; res.on("data", (c) => { text += c; }); res.on("end", () => ok({ status: res.statusCode, body: text }));
    });
    req.on("error", fail); req.end(data);
  });
  const probeBody = { host: "mail.maillint.test", port: 10993, protocol: "imap", security: "tls" };
  const bare = [], probed = [];
  for (let i = 0; i < 40; i++) {
    const t0 = performance.now();
    await new Promise((ok, fail) => { const s = tls.connect({ host: "127.0.0.1", port: 10993, servername: "mail.maillint.test", ca }, () => { s.destroy(); ok(); }); s.on("error", fail); });
    bare.push(performance.now() - t0);
    const t1 = performance.now();
    const r = await post(probeBody);
    if (r.status !== 200 || !JSON.parse(r.body).ok) throw new Error(`probe failed: ${r.body}`);
    probed.push(performance.now() - t1);
  }
  row("backend", "probe vs bare TCP+TLS handshake (local Dovecot, IMAPS)", `${median(probed).toFixed(1)} ms vs ${median(bare).toFixed(1)} ms: ×${(median(probed) / median(bare)).toFixed(1)}`, "", "median of 40 each; the probe also reads greeting and capabilities and logs out");
  const before = rss();
  const total = 1000, inFlight = 500;
  let next = 0, ok = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < total) { next++; const r = await post(probeBody); if (r.status === 200) ok++; }
  }));
  const secs = (performance.now() - t0) / 1000;
  const after = rss();
  row("backend", `${total} probes, ${inFlight} in flight`, `${(total / secs).toFixed(0)} probes/s, ${ok} answered 200, peak RSS ${(after.hwm / 1024).toFixed(1)} MB (${(before.rss / 1024).toFixed(1)} MB before)`, "", "VmHWM of maillint-server from /proc");
  const idle = rss().rss;
  const slow = [];
  for (let i = 0; i < 500; i++) { const s = net.connect(Number(new URL(api).port), "127.0.0.1"); s.on("error", () => {}); s.write("POST /api/probe HTTP/1.1\r\nHost: x\r\n"); slow.push(s); }
  await new Promise((r) => setTimeout(r, 3000));
  const underSlow = rss().rss;
  slow.forEach((s) => s.destroy());
  const health = () => new Promise((ok) => http.get(`${api}/api/health`, { agent }, (res) => { res.resume(); res.on("end", ok); }).on("error", ok));
  let sent = 0;
  await Promise.all(Array.from({ length: 200 }, async () => { while (sent < 5000) { sent++; await health(); } }));
  const afterFlood = rss().rss;
  // Hostile mail servers (fakes on loopback): a 20 MB flood of AUTH lines, and a POP3 CAPA of
  // 1 MB of distinct words. Memory and CPU of maillint-server across each probe.
  const cpuMs = () => { const f = readFileSync(`/proc/${serverPid}/stat`, "utf8").split(") ")[1].split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
  const flood = (port, greet, reply) => new Promise((ready) => {
    const srv = net.createServer((s) => {
      s.on("error", () => {});
      s.write(greet);
      s.once("data", () => {
        let sent = 0;
        const pump = () => { while (sent < reply.total) { sent += reply.chunk.length; if (!s.write(reply.chunk)) { s.once("drain", pump); return; } } s.end(reply.end); };
        pump();
      });
    });
    srv.listen(port, "127.0.0.1", () => ready(srv));
  });
  const authLine = "250-AUTH " + "A ".repeat(3000) + "\r\n";
  let words = 0;
  const wordLine = () => Array.from({ length: 500 }, () => `W${++words}`).join(" ") + "\r\n";
  const cases = [
    ["SMTP server sending 20 MB of 250-AUTH A A A … lines", 18110, "220 flood ESMTP\r\n", { chunk: authLine.repeat(64), total: 20 << 20, end: "250 OK\r\n" }, { host: "127.0.0.1", port: 18110, protocol: "smtp", security: "none" }],
    ["POP3 server listing 1 MB of distinct capabilities", 18111, "+OK ready\r\n", { chunk: "+OK\r\n" + Array.from({ length: 40 }, wordLine).join(""), total: 1 << 20, end: ".\r\n" }, { host: "127.0.0.1", port: 18111, protocol: "pop3", security: "none" }],
  ];
  for (const [what, port, greet, reply, body] of cases) {
    const srv = await flood(port, greet, reply);
    const cpu0 = cpuMs(), mem0 = rss();
    const t = performance.now();
    const r = await post(body);
    const took = performance.now() - t;
    const cpu1 = cpuMs(), mem1 = rss();
    srv.close();
    row("backend", what, `answered in ${took.toFixed(0)} ms (${r.body.length} bytes, ${JSON.parse(r.body).findings.map((f) => f.code).join(", ")}), ${cpu1 - cpu0} ms CPU, RSS ${(mem0.rss / 1024).toFixed(1)} → ${(mem1.rss / 1024).toFixed(1)} MB (peak so far ${(mem1.hwm / 1024).toFixed(1)} MB)`, "within the 10 s deadline, < 100 MB", "maillint-server's /proc stat and status around one probe");
  }
  row("backend", "memory under 500 slowloris connections, then 5,000 requests", `${(idle / 1024).toFixed(1)} MB idle, ${(underSlow / 1024).toFixed(1)} MB under slowloris, ${(afterFlood / 1024).toFixed(1)} MB after the flood`, "", "VmRSS; loopback only, bounded counts");
}

// ---- Several instances sharing Redis -----------------------------------------------------
// The same probe load through three instances that count their limits in one Redis, against
// one instance with that Redis alone (BENCH_SHARED: the four instances' URLs, first alone).
if (process.env.BENCH_SHARED) {
  const [alone, ...three] = process.env.BENCH_SHARED.split(",");
  const agent = new http.Agent({ keepAlive: false, maxSockets: 1000 });
  const body = JSON.stringify({ host: "mail.maillint.test", port: 10993, protocol: "imap", security: "tls" });
  const postTo = (base) => new Promise((ok, fail) => {
    const req = http.request(`${base}/api/probe`, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": body.length } }, (res) => { res.resume(); res.on("end", () => ok(res.statusCode)); });
    req.on("error", fail); req.end(body);
  });
  const load = async (bases, total = 600, inFlight = 150) => {
    let next = 0, ok = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: inFlight }, async () => {
      while (next < total) { const i = next++; if ((await postTo(bases[i % bases.length])) === 200) ok++; }
    }));
    return { rate: total / ((performance.now() - t0) / 1000), ok, total };
  };
  const one = await load([alone]);
  const spread = await load(three);
  row("backend", "probes through 3 instances sharing Redis vs 1 instance", `${spread.rate.toFixed(0)} vs ${one.rate.toFixed(0)} probes/s (${spread.ok}/${spread.total} and ${one.ok}/${one.total} answered 200)`, "", "600 probes, 150 in flight, local Dovecot IMAPS; every limit taken in Redis (one Lua script each)");
}

// ---- Discovery ------------------------------------------------------------------------------
// Against the bench's dnsmasq and an HTTPS server here on 127.0.0.2:443 that serves every
// autoconfig.bN.test: a cold answer (a domain not asked before: every source looked up or
// fetched) and a warm one (the same domain again, from the cache).
if (api && process.env.BENCH_AUTOCONFIG_KEY) {
  const https = await import("node:https");
  const xml = (host) => `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="${host}"><domain>${host.replace("autoconfig.", "")}</domain><displayName>Bench host</displayName><incomingServer type="imap"><hostname>mail.${host.replace("autoconfig.", "")}</hostname><port>993</port><socketType>SSL</socketType><username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></incomingServer><outgoingServer type="smtp"><hostname>mail.${host.replace("autoconfig.", "")}</hostname><port>465</port><socketType>SSL</socketType><username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></outgoingServer></emailProvider></clientConfig>`;
  // b51 to b60 publish a 250 KB <displayName>: what the server keeps of such a file is bounded.
  const huge = "N".repeat(250_000);
  const files = https.createServer({ key: readFileSync(process.env.BENCH_AUTOCONFIG_KEY), cert: readFileSync(process.env.BENCH_AUTOCONFIG_CERT) }, (req, res) => {
    const host = String(req.headers.host);
    const n = Number(/^autoconfig\.b(\d+)\.test/.exec(host)?.[1] ?? 0);
    res.writeHead(200, { "content-type": "application/xml" }).end(n > 50 ? xml(host).replace("Bench host", huge) : xml(host));
  });
  await new Promise((ok) => files.listen(443, "127.0.0.2", ok));
  const agent = new http.Agent({ keepAlive: true });
  const ask = (domain) => new Promise((ok, fail) => {
    const data = JSON.stringify({ domain });
    const t = performance.now();
    const req = http.request(`${api}/api/discover`, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": data.length } }, (res) => {
      let text = ""; res.on("data", (c) => { text += c; }); res.on("end", () => ok({ ms: performance.now() - t, status: res.statusCode, body: JSON.parse(text) }));
    });
    req.on("error", fail); req.end(data);
  });
  const p99 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))]; };
  const cold = [], warm = [];
  for (let i = 1; i <= 50; i++) {
    const r = await ask(`b${i}.test`);
    if (r.status !== 200 || r.body.provider?.source !== "autoconfig") throw new Error(`discovery failed: ${JSON.stringify(r.body)}`);
    cold.push(r.ms);
  }
  for (let i = 0; i < 200; i++) warm.push((await ask("b1.test")).ms);
  const serverMem = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${serverPid}/status`, "utf8"))[1]);
  const memBefore = serverPid ? serverMem() : 0;
  const bigMs = [];
  let bigBytes = 0;
  for (let i = 51; i <= 60; i++) {
    const r = await ask(`b${i}.test`);
    if (r.status !== 200) throw new Error(`discovery failed: ${JSON.stringify(r.body)}`);
    bigMs.push(r.ms);
    bigBytes = Math.max(bigBytes, JSON.stringify(r.body).length);
  }
  const memAfter = serverPid ? serverMem() : 0;
  files.close();
  row("backend", "discovery of 10 domains whose file has a 250 KB displayName", `median ${median(bigMs).toFixed(1)} ms; largest answer ${bigBytes} bytes; RSS ${(memBefore / 1024).toFixed(1)} → ${(memAfter / 1024).toFixed(1)} MB`, "answer < 8 KB", "each answer keeps a bounded profile (the name cut to 64 characters); server/tests/discover.rs does the same for 300 domains against the debug binary");
  row("backend", "discovery, cold (every source: local DNS, HTTPS autoconfig)", `median ${median(cold).toFixed(1)} ms, p99 ${p99(cold).toFixed(1)} ms`, "< 8 s deadline", "50 domains asked once each; ISPDB and mx-* unreachable offline and fail at once");
  row("backend", "discovery, warm (the same domain again)", `median ${median(warm).toFixed(2)} ms, p99 ${p99(warm).toFixed(2)} ms`, "", "200 answers from the per-domain cache");
}

// ---- Report -----------------------------------------------------------------------------
const cpu = cpus()[0]?.model ?? "unknown";
const head = `# maillint bench\n\nRun ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, with \`./scripts/bench.sh\`.\n\n`;
const table = "| section | what | measured | budget | how |\n| --- | --- | --- | --- | --- |\n" + rows.map((r) => `| ${r.section} | ${r.what} | ${r.value} | ${r.budget} | ${r.how} |`).join("\n") + "\n";
writeFileSync(file("bench/RESULTS.md"), head + table);
console.log(head + table);

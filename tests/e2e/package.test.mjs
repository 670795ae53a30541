// The npm package as a provider gets it: `./scripts/pack.sh` makes the tarball, which is
// installed into a fresh project (offline: it has no runtime dependencies) and used the
// three documented ways: from Node with the wasm bytes, bundled by Vite, and with only the
// one-tag snippet on a plain page. Its typings pass `tsc --strict` with ES2022 + DOM only.
// Then the element on a hostile help page, two elements at once, attribute changes and the
// copy-summary text.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { launchChromium } from "./serve.mjs";

const require = createRequire(import.meta.url);
const root = new URL("../../", import.meta.url).pathname;
const artifacts = join(root, "test-results");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let project;
let browser;
let tarball;
const servers = [];

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".xml": "application/xml" };

/** Serves `dir` on a loopback port; `mounts` maps URL prefixes to other folders; `headers` go on every answer. */
async function serveDir(dir, mounts = {}, headers = {}) {
  const server = createServer(async (req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    let base = dir;
    for (const [prefix, folder] of Object.entries(mounts)) {
      if (path.startsWith(prefix)) { base = folder; path = path.slice(prefix.length - 1); }
    }
    let file = join(base, path);
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    if (file.endsWith("/")) file = join(file, "index.html");
    try {
      const body = readFileSync(file);
      res.writeHead(200, { ...headers, "content-type": types[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}`;
}

before(async () => {
  const out = execFileSync(join(root, "scripts/pack.sh"), { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  tarball = out.trim().split("\n").pop();
  assert.ok(existsSync(tarball), `pack.sh printed ${tarball}`);
  project = mkdtempSync(join(tmpdir(), "maillint-package-"));
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "provider-page", private: true, type: "module" }));
  execFileSync("npm", ["install", tarball, "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: project, stdio: "ignore" });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  for (const s of servers) s.close();
});

test("the manifest is the package's: name, version of the crate, exports, no dependencies", () => {
  const manifest = JSON.parse(readFileSync(join(project, "node_modules/maillint/package.json"), "utf8"));
  const crate = /^version = "(.*)"/m.exec(readFileSync(join(root, "Cargo.toml"), "utf8"))[1];
  assert.equal(manifest.name, "maillint");
  assert.equal(manifest.version, crate);
  assert.equal(manifest.type, "module");
  assert.ok(manifest.license);
  assert.equal(manifest.dependencies, undefined);
  for (const entry of [".", "./element", "./react", "./vue", "./maillint.css", "./maillint_bg.wasm"]) assert.ok(manifest.exports[entry], entry);
  assert.equal(manifest.exports["."].types, "./maillint.d.ts");
  assert.equal(manifest.exports["./element"].types, "./element.d.ts");
  // Every file an export names is in the package.
  const named = JSON.stringify(manifest.exports).match(/"\.\/[^"]+\.[a-z]+"/g).map((f) => JSON.parse(f));
  for (const f of named) assert.ok(existsSync(join(project, "node_modules/maillint", f)), f);
  for (const f of ["./element.js", "./element-inline.js"]) assert.ok(manifest.sideEffects.includes(f), f);
});

test("the manifest's address comes from Cargo.toml's, and none is made up", () => {
  const manifestOf = (cargo) => {
    const dir = mkdtempSync(join(tmpdir(), "maillint-manifest-"));
    writeFileSync(join(dir, "Cargo.toml"), cargo);
    execFileSync(process.execPath, [join(root, "scripts/manifest.mjs"), join(dir, "Cargo.toml"), join(dir, "package.json")]);
    return JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  };
  const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
  // Today's Cargo.toml: the package says what it says, no invented address.
  const today = manifestOf(cargo);
  const own = /^\[package\][\s\S]*?^repository = "(.*)"$/m.exec(cargo)?.[1];
  assert.equal(today.repository?.url, own && `git+${own}.git`);
  // Once the project has one, the package has it, and where to report bugs.
  const withAddress = manifestOf(cargo.replace(/^license = (.*)$/m, 'license = $1\nrepository = "https://forge.example/maillint/maillint"'));
  assert.deepEqual(withAddress.repository, { type: "git", url: "git+https://forge.example/maillint/maillint.git" });
  assert.deepEqual(withAddress.bugs, { url: "https://forge.example/maillint/maillint/issues" });
  assert.equal(withAddress.homepage, "https://forge.example/maillint/maillint");
});

test("from Node: the API with the wasm bytes finds a typo", () => {
  writeFileSync(join(project, "node-check.mjs"), `
    import { readFileSync } from "node:fs";
    import { initSync, check } from "maillint";
    initSync({ module: readFileSync(new URL(import.meta.resolve("maillint/maillint_bg.wasm"))) });
    const f = check({ email: "momo@gmial.com" }).findings[0];
    console.log(JSON.stringify({ code: f.code, value: f.fix.edits[0].value }));
  `);
  const out = execFileSync(process.execPath, ["node-check.mjs"], { cwd: project, encoding: "utf8" });
  assert.deepEqual(JSON.parse(out), { code: "domain-typo", value: "momo@gmail.com" });
});

test("bundled by Vite: import { mount } from \"maillint\" and its stylesheet; the fix works in Chromium", async () => {
  const app = join(project, "vite-app");
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Provider page</title></head><body><main><div id="checker"></div></main><script type="module" src="./main.js"></script></body></html>`);
  writeFileSync(join(app, "main.js"), `import init, { mount } from "maillint";\nimport "maillint/maillint.css";\nawait init();\nwindow.widget = mount(document.getElementById("checker"), { locale: "en" });\n`);
  writeFileSync(join(app, "vite.config.js"), `export default { root: import.meta.dirname, base: "./", logLevel: "warn", build: { outDir: "dist", emptyOutDir: true, target: "es2022" } };\n`);
  execFileSync(process.execPath, [join(root, "node_modules/vite/bin/vite.js"), "build", "--config", join(app, "vite.config.js")], { cwd: project, stdio: "ignore" });
  const url = await serveDir(join(app, "dist"));
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url + "/");
  const host = page.locator('.maillint [name="incoming.host"]');
  await host.fill("mail,example,com");
  const finding = page.locator('.maillint [data-code="comma-for-dot"]');
  await finding.waitFor();
  await finding.locator(".maillint-fix").click();
  assert.equal(await host.inputValue(), "mail.example.com");
  assert.deepEqual(errors, []);
  await page.close();
});

test("one tag on a plain page, served from the installed package: no init() anywhere", async () => {
  const site = join(project, "site");
  mkdirSync(site, { recursive: true });
  const html = `<!doctype html><html lang="zh-HK"><head><meta charset="utf-8"><title>說明</title></head><body><main><h1>設定電郵</h1>
<script type="module" src="/maillint/element.js"></script>
<mail-settings-check locale="zh-HK"></mail-settings-check></main></body></html>`;
  assert.ok(!html.includes("init("));
  writeFileSync(join(site, "index.html"), html);
  const url = await serveDir(site, { "/maillint/": join(project, "node_modules/maillint/") });
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url + "/");
  const host = page.locator('mail-settings-check [name="incoming.host"]');
  await host.fill("mail,chan,com,hk");
  await page.locator('mail-settings-check [data-code="comma-for-dot"]').waitFor();
  assert.equal(await page.locator("mail-settings-check legend").first().innerText(), "內送郵件");
  // It renders in a shadow root: the page's own document has no widget nodes.
  assert.equal(await page.evaluate(() => document.querySelectorAll(".maillint").length), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the typings pass tsc --strict with ES2022 and DOM only, every export and the element", () => {
  writeFileSync(join(project, "use.ts"), `
import init, { initSync, check, parseSettings, rules, lintProfile, mount } from "maillint";
import type { Report, Finding, Settings, ParsedSettings, RuleInfo, LintReport, MountOptions, ProviderProfile } from "maillint";
import "maillint/element";
import type { MailSettingsCheck, MailSettingsCheckAttributes } from "maillint/element";

export async function useEverything(host: HTMLElement): Promise<string> {
  await init();
  initSync({ module: new Uint8Array() });
  const settings: Settings = { email: "momo@gmial.com", incoming: { port: 993, security: "tls" } };
  const report: Report = check(settings, { locale: "zh-HK", complete: true });
  const first: Finding | undefined = report.findings[0];
  const parsed: ParsedSettings = parseSettings("IMAP server: mail.example.com");
  const all: RuleInfo[] = rules();
  const profile: ProviderProfile = { domains: ["example.com"], incoming: [], outgoing: [], notOffered: ["pop3"] };
  const lint: LintReport = lintProfile(profile, { locale: "ms" });
  const options: MountOptions = { locale: "zh-TW", probeUrl: "/api/probe", discoverUrl: "/api/discover", complete: false, profile };
  const widget = mount(host, options);
  widget.setLocale("en");
  const summary: string = widget.summary();
  widget.destroy();
  const element: MailSettingsCheck | null = document.querySelector("mail-settings-check");
  const attributes: MailSettingsCheckAttributes = { locale: "zh-HK", "probe-url": "/api/probe", complete: true };
  return [first?.code, parsed.incoming?.host, all.length, lint.findings.length, summary, element?.widget?.report().ok, attributes.locale].join();
}
`);
  const tsc = join(root, "node_modules/.bin/tsc");
  try {
    execFileSync(tsc, ["--strict", "--noEmit", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022",
      "--lib", "es2022,dom", "--skipLibCheck", "false", "use.ts"], { cwd: project, encoding: "utf8" });
  } catch (e) {
    assert.fail(`tsc: ${e.stdout}${e.stderr}`);
  }
});

test("a hostile help page cannot break the element; axe-clean; screenshots at 375 and 1280 px", async () => {
  const site = join(project, "hostile");
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Help centre</title>
<style>
  * { box-sizing: content-box !important; }
  html { font-size: 40px; }
  body { font-size: 3rem; color: #f0f; }
  input { width: 100% !important; border: 0 !important; }
  button { all: unset; display: none !important; }
  div { all: initial; }
  label { display: none !important; }
  mail-settings-check { --maillint-accent: #c8102e; }
</style></head><body><main><h1>Set up your mail</h1>
<script type="module" src="/maillint/element.js"></script>
<mail-settings-check locale="en"></mail-settings-check></main></body></html>`);
  const url = await serveDir(site, { "/maillint/": join(project, "node_modules/maillint/") });
  for (const width of [375, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 1000 } });
    await page.goto(url + "/");
    const host = page.locator('mail-settings-check [name="incoming.host"]');
    await host.fill("mail,example,com");
    const fix = page.locator('mail-settings-check [data-code="comma-for-dot"] .maillint-fix');
    await fix.waitFor();
    assert.ok(await fix.isVisible(), "the fix button is shown");
    const label = page.locator("mail-settings-check label").first();
    assert.ok(await label.isVisible(), "labels are shown");
    const size = await label.evaluate((e) => getComputedStyle(e).fontSize);
    assert.ok(parseFloat(size) < 30, `the page's font size leaked in: ${size}`);
    await fix.click();
    assert.equal(await host.inputValue(), "mail.example.com");
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => {
      const r = await window.axe.run(document.querySelector("mail-settings-check"));
      return r.violations.map((v) => ({ id: v.id, impact: v.impact }));
    });
    assert.deepEqual(result.filter((v) => v.impact === "serious" || v.impact === "critical"), [], JSON.stringify(result));
    await page.screenshot({ path: join(artifacts, `element-hostile-${width}.png`), fullPage: true });
    await page.close();
  }
});

test("two elements work independently; attribute changes take effect in place; the copy summary", async () => {
  const site = join(project, "two");
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two</title></head><body><main>
<script type="module" src="/maillint/element.js"></script>
<mail-settings-check id="a" locale="en"></mail-settings-check>
<mail-settings-check id="b" locale="zh-TW"></mail-settings-check></main></body></html>`);
  const url = await serveDir(site, { "/maillint/": join(project, "node_modules/maillint/") });
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: url });
  const page = await context.newPage();
  await page.goto(url + "/");
  const a = (sel) => page.locator(`#a ${sel}`);
  const b = (sel) => page.locator(`#b ${sel}`);
  await a('[name="incoming.host"]').fill("mail,example,com");
  await a('[data-code="comma-for-dot"]').waitFor();
  assert.equal(await b('[data-code="comma-for-dot"]').count(), 0, "the second element is untouched");
  assert.equal(await b("legend").first().innerText(), "內送郵件");
  // locale switches in place, keeping what was typed; probe-url shows the test button.
  // A language not loaded yet comes with its texts' module: the form switches once it is in.
  await page.evaluate(() => document.querySelector("#a").setAttribute("locale", "ms"));
  await a("legend").first().filter({ hasText: "Mel masuk" }).waitFor();
  assert.equal(await a('[name="incoming.host"]').inputValue(), "mail,example,com");
  assert.equal(await a(".maillint-test").isHidden(), true);
  await page.evaluate(() => document.querySelector("#a").setAttribute("probe-url", "/api/probe"));
  await a(".maillint-test").waitFor({ state: "visible" });
  assert.equal(await a('[name="incoming.host"]').inputValue(), "mail,example,com", "kept across the remount");
  // complete: every empty field is reported.
  await page.evaluate(() => document.querySelector("#b").setAttribute("complete", ""));
  await b('[name="email"]').fill("momo@gmail.com");
  assert.ok((await page.evaluate(() => document.querySelector("#b").widget.report().findings.map((f) => f.code))).includes("missing-field"));
  // The copy summary: the settings as typed and the findings, in the element's language.
  await b('[name="incoming.host"]').fill("imap,gmail,com");
  await b('[name="incoming.security"]').selectOption("tls");
  await b(".maillint-copy").click();
  await page.waitForFunction(() => document.querySelector("#b").shadowRoot.querySelector(".maillint-copy").dataset.copied === "true");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.evaluate(() => document.querySelector("#b").widget.summary()));
  assert.match(copied, /^所輸入的郵件設定\n/);
  assert.match(copied, /\n電子郵件地址：momo@gmail\.com\n/);
  assert.match(copied, /\n內送加密方式：SSL\/TLS\n/);
  assert.match(copied, /檢查結果：/);
  assert.match(copied, /「imap,gmail,com」中應為點/);
  assert.doesNotMatch(copied, /password|密碼:/i);
  await context.close();
});

test("the package carries its licences and npm publish --dry-run is clean", () => {
  const listed = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" });
  for (const file of ["package/LICENSE-MIT", "package/LICENSE-APACHE"]) assert.ok(listed.includes(file), `${file} in the tarball`);
  const run = spawnSync("npm", ["publish", "--dry-run", "--offline", tarball], { cwd: project, encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  // The only warning: no npm account on this machine.
  const warnings = run.stderr.split("\n").filter((l) => /warn|err/i.test(l) && !/requires you to be logged in/.test(l));
  assert.deepEqual(warnings, []);
});

test("the element's event and profile property are typed, and its attributes in Svelte's templates", () => {
  writeFileSync(join(project, "use-element.ts"), `
import "maillint/element";
import type { MailSettingsChangeDetail } from "maillint/element";

export function watch(): void {
  const element = document.querySelector("mail-settings-check");
  if (!element) return;
  element.profile = { domains: ["example.com"], incoming: [], outgoing: [] };
  element.addEventListener("maillint-change", (e) => {
    const detail: MailSettingsChangeDetail = e.detail;
    const ok: boolean = detail.report.ok;
    const host: string | undefined = detail.settings?.incoming.host;
    console.log(ok, host);
  });
}

// Svelte's templates read the same attributes.
export const inSvelte: svelteHTML.IntrinsicElements["mail-settings-check"] = { locale: "zh-HK", "probe-url": "/api/probe", class: "checker" };
`);
  const run = tscStrict("use-element.ts");
  assert.equal(run.status, 0, `tsc: ${run.stdout}${run.stderr}`);
});

/** A provider's page showing the element, with `scripts` (module files beside it). */
function providerPage(...scripts) {
  const tags = scripts.map((f) => `<script type="module" src="./${f}"></script>`).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Provider page</title></head><body><main><mail-settings-check locale="en"></mail-settings-check></main>${tags}</body></html>`;
}

/** A new app folder of the project: the provider's page and a main.js importing the element. */
function elementApp(name) {
  const app = join(project, name);
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, "index.html"), providerPage("main.js"));
  writeFileSync(join(app, "main.js"), `import "maillint/element";\n`);
  return app;
}

/** The .wasm files a build wrote into `dir`. */
function wasmFiles(dir) {
  return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(".wasm"));
}

/** Starts a server (node with `args(port)`) on a free loopback port, drives the element on
 * its page once it answers, and stops it. */
async function driveServer(args, options, what) {
  const port = await new Promise((ok) => { const probe = createServer().listen(0, "127.0.0.1", () => { const p = probe.address().port; probe.close(() => ok(p)); }); });
  const server = spawn(process.execPath, args(port), { ...options, stdio: "ignore" });
  try {
    const url = `http://127.0.0.1:${port}/`;
    for (let i = 0; i < 100; i++) {
      try { if ((await fetch(url)).ok) break; } catch { /* not up yet */ }
      await new Promise((ok) => setTimeout(ok, 100));
    }
    await driveElement(url, what);
  } finally {
    server.kill();
  }
}

/** `tsc --strict` over one file of the project, as a provider's project compiles it (ES2022 and DOM, libraries checked too). */
function tscStrict(file, extra = []) {
  return spawnSync(join(root, "node_modules/.bin/tsc"), ["--strict", "--noEmit", ...extra, "--module", "nodenext", "--moduleResolution", "nodenext",
    "--target", "es2022", "--lib", "es2022,dom", "--skipLibCheck", "false", file], { cwd: project, encoding: "utf8" });
}

/** Drives the element on a page at `url`: styled from its own sheet, the comma found and fixed, nothing failed to load, no error. */
async function driveElement(url, what) {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`${what}: ${e}`));
  page.on("requestfailed", (r) => problems.push(`${what}: ${r.url()} failed`));
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`${what}: ${r.url()} ${r.status()}`); });
  page.on("console", (m) => { if (/Refused|violat/i.test(m.text())) problems.push(`${what}: ${m.text()}`); });
  await page.goto(url);
  const host = page.locator('mail-settings-check [name="incoming.host"]');
  await host.fill("mail,example,com");
  const finding = page.locator('mail-settings-check [data-code="comma-for-dot"]');
  await finding.waitFor();
  await finding.locator(".maillint-fix").click();
  assert.equal(await host.inputValue(), "mail.example.com", what);
  const styled = await page.evaluate(() => {
    const root = document.querySelector("mail-settings-check").shadowRoot;
    return root.adoptedStyleSheets.length + root.querySelectorAll("style").length > 0
      && getComputedStyle(root.querySelector(".maillint-group")).borderTopStyle === "solid";
  });
  assert.ok(styled, `${what}: styled`);
  assert.deepEqual(problems, []);
  await page.close();
}

test("the element bundled by webpack 5 (with the usual CSS rule), esbuild and Rollup with node-resolve, nothing copied by hand", async () => {
  const src = join(project, "bundle-src");
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, "main.js"), `import "maillint/element";\n`);
  // The API entry too: init() with no argument finds its module wherever the bundler put it.
  writeFileSync(join(src, "api.js"), `import init, { check } from "maillint";\nawait init();\ndocument.body.dataset.codes = check({ incoming: { host: "mail,example,com" } }).findings.map((f) => f.code).join(" ");\n`);
  const page = providerPage("main.js", "api.js");
  const bin = (p) => join(root, "node_modules", p);
  const drive = async (dir, what, html = page) => {
    writeFileSync(join(dir, "index.html"), html);
    const url = `${await serveDir(dir)}/`;
    await driveElement(url, what);
    const api = await browser.newPage();
    await api.goto(url);
    await api.waitForFunction(() => document.body.dataset.codes !== undefined);
    assert.match(await api.evaluate(() => document.body.dataset.codes), /\bcomma-for-dot\b/, `${what}: check() after init()`);
    await api.close();
  };
  // webpack 5: its condition in package.json's exports picks the entries that load
  // maillint_bg.wasm as a file, which webpack emits from new URL(…, import.meta.url). Two
  // entries on one page share one runtime, as webpack asks: with one each, the chunk the
  // element loads could replace the API entry's module with one tree-shaken for the element.
  const webpackOut = join(project, "dist-webpack");
  writeFileSync(join(project, "webpack.config.cjs"), `module.exports = { mode: "production", entry: { main: "./bundle-src/main.js", api: "./bundle-src/api.js" }, output: { path: ${JSON.stringify(webpackOut)}, filename: "[name].js" }, optimization: { runtimeChunk: "single" }, module: { rules: [{ test: /\\.css$/, use: ["style-loader", "css-loader"] }] } };\n`);
  execFileSync(process.execPath, [bin("webpack-cli/bin/cli.js"), "--config", "webpack.config.cjs"], { cwd: project, stdio: "ignore" });
  assert.equal(wasmFiles(webpackOut).length, 1, "webpack emitted the .wasm as a file");
  await drive(webpackOut, "webpack", providerPage("runtime.js", "main.js", "api.js"));
  // esbuild and Rollup copy nothing that new URL(…, import.meta.url) names: the default
  // condition gives them the entries that carry the .wasm in JavaScript.
  const esbuildOut = join(project, "dist-esbuild");
  mkdirSync(esbuildOut, { recursive: true });
  execFileSync(bin(".bin/esbuild"), ["bundle-src/main.js", "bundle-src/api.js", "--bundle", "--format=esm", `--outdir=${esbuildOut}`, "--log-level=warning"], { cwd: project, stdio: "ignore" });
  assert.deepEqual(wasmFiles(esbuildOut), []);
  await drive(esbuildOut, "esbuild");
  const rollupOut = join(project, "dist-rollup");
  writeFileSync(join(project, "rollup.config.mjs"), `import { nodeResolve } from ${JSON.stringify(bin("@rollup/plugin-node-resolve/dist/es/index.js"))};\nexport default { input: { main: "bundle-src/main.js", api: "bundle-src/api.js" }, output: { dir: ${JSON.stringify(rollupOut)}, format: "es" }, plugins: [nodeResolve({ browser: true })] };\n`);
  execFileSync(process.execPath, [bin("rollup/dist/bin/rollup"), "-c", "rollup.config.mjs", "--silent"], { cwd: project, stdio: "ignore" });
  assert.deepEqual(wasmFiles(rollupOut), []);
  await drive(rollupOut, "Rollup");
});

test("the element bundled by Vite, on a page whose CSP allows nothing but its own files (and compiling WebAssembly)", async () => {
  const app = elementApp("vite-element");
  writeFileSync(join(app, "vite.config.js"), `export default { root: import.meta.dirname, base: "./", logLevel: "warn", build: { outDir: "dist", emptyOutDir: true, target: "es2022" } };\n`);
  execFileSync(process.execPath, [join(root, "node_modules/vite/bin/vite.js"), "build", "--config", join(app, "vite.config.js")], { cwd: project, stdio: "ignore" });
  // No data: and no inline style or script; a page that runs WebAssembly must allow compiling it.
  const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
  // The .wasm carried in JavaScript (package.json's default condition): nothing for Vite to copy.
  assert.deepEqual(wasmFiles(join(app, "dist")), []);
  const url = await serveDir(join(app, "dist"), {}, { "content-security-policy": csp });
  await driveElement(`${url}/`, "Vite under a strict CSP");
});

test("the element in Vite's development server, as a provider's developer runs it", async () => {
  // `vite` (dev) pre-bundles a package's files with esbuild; the default condition's entries
  // carry the .wasm, so there is nothing to serve beside them.
  const app = elementApp("vite-dev");
  const vite = join(root, "node_modules/vite/bin/vite.js");
  await driveServer((port) => [vite, app, "--port", String(port), "--strictPort", "--host", "127.0.0.1"], { cwd: project }, "Vite's development server");
});

test("React 19 with react-jsx types <mail-settings-check> through maillint/react, and only through it", () => {
  // @types/react (and csstype, which it reads) from the repository's dev dependencies.
  mkdirSync(join(project, "node_modules/@types"), { recursive: true });
  for (const [from, to] of [["@types/react", "@types/react"], ["csstype", "csstype"]]) {
    if (!existsSync(join(project, "node_modules", to))) symlinkSync(join(root, "node_modules", from), join(project, "node_modules", to));
  }
  const component = (withTypes) => `${withTypes ? 'import type {} from "maillint/react";\n' : ""}import "maillint/element";
export function Help() {
  return <mail-settings-check locale="zh-HK" probe-url="/api/probe" complete id="checker" />;
}
`;
  writeFileSync(join(project, "help.tsx"), component(true));
  writeFileSync(join(project, "plain.tsx"), component(false));
  const tsc = (file) => tscStrict(file, ["--jsx", "react-jsx"]);
  const typed = tsc("help.tsx");
  assert.equal(typed.status, 0, `tsc: ${typed.stdout}${typed.stderr}`);
  // Without it React 19 does not know the element: the entry is what types it.
  const plain = tsc("plain.tsx");
  assert.notEqual(plain.status, 0);
  assert.match(plain.stdout, /mail-settings-check/);
});

test("Vue 3 types <mail-settings-check> through maillint/vue, and only through it", () => {
  if (!existsSync(join(project, "node_modules/vue"))) symlinkSync(join(root, "node_modules/vue"), join(project, "node_modules/vue"));
  // What vue-tsc reads for a tag in a template: the vue module's GlobalComponents.
  const use = (withTypes) => `${withTypes ? 'import type {} from "maillint/vue";\n' : ""}import type { GlobalComponents } from "vue";
import "maillint/element";
type Props = InstanceType<GlobalComponents["mail-settings-check"]>["$props"];
export const props: Props = { locale: "zh-HK", "probe-url": "/api/probe", complete: true, onMaillintChange: (e) => console.log(e.detail.report.ok) };
// @ts-expect-error a locale is text
export const wrong: Props = { locale: 5 };
`;
  writeFileSync(join(project, "vue-typed.ts"), use(true));
  writeFileSync(join(project, "vue-plain.ts"), use(false));
  const typed = tscStrict("vue-typed.ts");
  assert.equal(typed.status, 0, `tsc: ${typed.stdout}${typed.stderr}`);
  const plain = tscStrict("vue-plain.ts");
  assert.notEqual(plain.status, 0);
  assert.match(plain.stdout, /mail-settings-check/);
});

test("Next.js App Router: a client component imports the element at top level; the build prerenders and the page works", async () => {
  const app = join(project, "next-app");
  mkdirSync(join(app, "app"), { recursive: true });
  for (const name of ["next", "react", "react-dom"]) {
    if (!existsSync(join(project, "node_modules", name))) symlinkSync(join(root, "node_modules", name), join(project, "node_modules", name));
  }
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "next-app", private: true }));
  // Next and React are the repository's, linked in: Turbopack must be let outside the app to read them.
  writeFileSync(join(app, "next.config.mjs"), `export default { turbopack: { root: "/" } };\n`);
  writeFileSync(join(app, "app/layout.js"), `export default function Layout({ children }) { return <html lang="en"><body>{children}</body></html>; }\n`);
  writeFileSync(join(app, "app/checker.js"), `"use client";\nimport "maillint/element";\nexport default function Checker() { return <mail-settings-check locale="en"></mail-settings-check>; }\n`);
  writeFileSync(join(app, "app/page.js"), `import Checker from "./checker";\nexport default function Page() { return <main><h1>Mail settings</h1><Checker /></main>; }\n`);
  const next = join(root, "node_modules/next/dist/bin/next");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const build = spawnSync(process.execPath, [next, "build"], { cwd: app, env, encoding: "utf8" });
  assert.equal(build.status, 0, `next build: ${build.stdout}${build.stderr}`);
  await driveServer((port) => [next, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: app, env }, "Next.js");
});

// <mail-settings-check> as a page embeds it, in Chromium: the event it sends after every
// check, the `profile` property (also on a page that enforces Trusted Types), a profile-url
// the page cannot parse, and a stylesheet that is there at once and keeps the page's text
// settings out.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedChromium } from "./serve.mjs";

const chromium = servedChromium();

/** A page of `body` at `path`, served with `headers`, the element entry loaded. */
async function pageWith(path, body, headers = {}) {
  const page = await chromium.browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route(`${chromium.server.url}${path}`, (route) =>
    route.fulfill({ contentType: "text/html", headers, body: `<!doctype html><html lang="en"><title>t</title>${body}` }));
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${chromium.server.url}${path}`);
  await page.evaluate(() => import("/pkg/element.js"));
  return { page, errors, requests };
}

test("maillint-change after typing and after a fix, with the report and the settings, across the shadow root", async () => {
  const { page, errors } = await pageWith("/events.html", "<mail-settings-check></mail-settings-check>");
  await page.evaluate(() => {
    window.seen = [];
    document.addEventListener("maillint-change", (e) => window.seen.push({
      bubbles: e.bubbles, composed: e.composed,
      codes: e.detail.report.findings.map((f) => f.code), host: e.detail.settings?.incoming?.host,
    }));
  });
  await page.locator('mail-settings-check [name="incoming.host"]').fill("mail,example,com");
  const typed = await page.evaluate(() => window.seen.at(-1));
  assert.equal(typed.bubbles, true);
  assert.equal(typed.composed, true);
  assert.ok(typed.codes.includes("comma-for-dot"), JSON.stringify(typed));
  assert.equal(typed.host, "mail,example,com");
  const before = await page.evaluate(() => window.seen.length);
  await page.locator('mail-settings-check [data-code="comma-for-dot"] .maillint-fix').click();
  const fixed = await page.evaluate(() => window.seen.at(-1));
  assert.ok(await page.evaluate(() => window.seen.length) > before);
  assert.ok(!fixed.codes.includes("comma-for-dot"), JSON.stringify(fixed));
  assert.equal(fixed.host, "mail.example.com");
  // One event per check: two keystrokes in the address field (which has listeners of its
  // own, for discovery) are two events; a click that changes nothing is none.
  const typedBefore = await page.evaluate(() => window.seen.length);
  await page.locator('mail-settings-check [name="email"]').pressSequentially("ab");
  assert.equal(await page.evaluate(() => window.seen.length), typedBefore + 2);
  await page.locator("mail-settings-check legend").first().click();
  assert.equal(await page.evaluate(() => window.seen.length), typedBefore + 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the profile property takes a profile object on a page that enforces Trusted Types; a profile-url it cannot parse leaves a working form", async () => {
  const csp = { "content-security-policy": "require-trusted-types-for 'script'" };
  const body = '<mail-settings-check id="own"></mail-settings-check><mail-settings-check id="url" profile-url="/www/profiles/hk-host.xml"></mail-settings-check>';
  const { page, errors } = await pageWith("/trusted.html", body, csp);
  await page.evaluate(() => {
    document.getElementById("own").profile = {
      domains: ["chan.hk"],
      incoming: [{ type: "imap", hostname: "mail.chan.hk", port: 993, socketType: "SSL" }],
      outgoing: [{ type: "smtp", hostname: "mail.chan.hk", port: 465, socketType: "SSL" }],
    };
  });
  const own = page.locator("#own");
  await own.locator('[name="email"]').fill("momo@chan.hk");
  await own.locator('[name="incoming.host"]').fill("imap.chan.hk");
  await own.locator('[data-field="incoming.host"] [data-code="provider-host-mismatch"]').waitFor();
  // The XML behind profile-url cannot be parsed on this page: the form is there all the same.
  const other = page.locator("#url");
  await other.locator('[name="incoming.host"]').fill("mail,example,com");
  await other.locator('[data-field="incoming.host"] [data-code="comma-for-dot"]').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("the stylesheet is there at once, with no request of its own, and the page's text settings stay out", async () => {
  const style = "<style>mail-settings-check { letter-spacing: 7px; font-size: 40px; text-transform: uppercase; word-spacing: 9px; }</style>";
  const { page, errors, requests } = await pageWith("/styled.html", `${style}<mail-settings-check></mail-settings-check>`);
  const seen = await page.evaluate(() => {
    const element = document.querySelector("mail-settings-check");
    const label = element.shadowRoot.querySelector(".maillint-label");
    const css = getComputedStyle(label);
    return {
      sheets: element.shadowRoot.adoptedStyleSheets.length,
      rules: element.shadowRoot.adoptedStyleSheets[0]?.cssRules.length ?? 0,
      letterSpacing: css.letterSpacing, fontSize: css.fontSize, transform: css.textTransform, wordSpacing: css.wordSpacing,
      container: getComputedStyle(element.shadowRoot.querySelector(".maillint")).containerType,
    };
  });
  assert.equal(seen.sheets, 1);
  assert.ok(seen.rules > 20, `${seen.rules} rules`);
  assert.equal(seen.letterSpacing, "normal");
  assert.equal(seen.fontSize, "16px");
  assert.equal(seen.transform, "none");
  assert.equal(seen.wordSpacing, "0px");
  assert.equal(seen.container, "inline-size");
  assert.deepEqual(requests.filter((u) => u.endsWith(".css")), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("every visible piece has a part", async () => {
  const { page } = await pageWith("/parts.html", '<mail-settings-check probe-url="/api/probe"></mail-settings-check>');
  await page.locator('mail-settings-check [name="email"]').waitFor();
  const parts = await page.evaluate(() => {
    const root = document.querySelector("mail-settings-check").shadowRoot;
    return [...new Set([...root.querySelectorAll("[part]")].flatMap((e) => e.getAttribute("part").split(" ")))].sort();
  });
  for (const part of ["checker", "language", "language-select", "group", "legend", "field", "label", "input", "paste", "paste-input", "actions", "button", "summary", "probe", "discovery"]) {
    assert.ok(parts.includes(part), `${part} in ${parts}`);
  }
  await page.close();
});

test("the element holds the form's room while the module loads: nothing below it moves when the form appears", async () => {
  for (const width of [375, 1280]) {
    const page = await chromium.browser.newPage({ viewport: { width, height: 900 } });
    let release;
    const held = new Promise((ok) => { release = ok; });
    // The .wasm is held back until the page has been measured without the form.
    await page.route(/maillint_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.route(`${chromium.server.url}/room.html`, (route) => route.fulfill({ contentType: "text/html",
      body: '<!doctype html><html lang="en"><title>t</title><main style="max-width:46em"><mail-settings-check></mail-settings-check><p id="below">below</p></main><script type="module" src="/pkg/element.js"></script>' }));
    await page.goto(`${chromium.server.url}/room.html`);
    await page.waitForFunction(() => customElements.get("mail-settings-check"));
    const before = await page.evaluate(() => document.getElementById("below").getBoundingClientRect().top);
    release();
    await page.locator('mail-settings-check [name="email"]').waitFor();
    const after = await page.evaluate(() => document.getElementById("below").getBoundingClientRect().top);
    assert.ok(before > 300, `${width}px: room held (${before})`);
    assert.ok(Math.abs(after - before) <= after * 0.05, `${width}px: below the element ${before} → ${after}`);
    await page.close();
  }
});

test("a language not loaded yet: the form keeps its room unseen until its texts are in, never English first; one that cannot load leaves a working English form", async () => {
  const page = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const logged = [];
  page.on("console", (m) => { if (m.type() === "error") logged.push(m.text()); });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(/\/locales\/zh_hant\.js$/, async (route) => { await held; await route.continue(); });
  await page.route(/\/locales\/ms\.js$/, (route) => route.fulfill({ status: 404, body: "" }));
  await page.route(`${chromium.server.url}/lang.html`, (route) => route.fulfill({ contentType: "text/html",
    body: '<!doctype html><html lang="zh-TW"><title>t</title><main><mail-settings-check id="tw"></mail-settings-check><p id="below">below</p><mail-settings-check id="ms" locale="ms"></mail-settings-check></main><script type="module" src="/pkg/element.js"></script>' }));
  await page.goto(`${chromium.server.url}/lang.html`);
  // Mounted (the form's nodes are there) while Taiwan's texts are held back: unseen, busy,
  // in its room.
  const tw = page.locator("#tw .maillint");
  await tw.waitFor({ state: "attached" });
  const before = await page.evaluate(() => document.getElementById("below").getBoundingClientRect().top);
  assert.equal(await tw.getAttribute("aria-busy"), "true");
  assert.equal(await tw.evaluate((e) => getComputedStyle(e).visibility), "hidden");
  assert.equal(await page.locator('#tw [name="email"]').isVisible(), false);
  release();
  await page.locator('#tw [name="email"]').waitFor();
  assert.equal(await page.locator("#tw legend").first().innerText(), "內送郵件");
  assert.equal(await tw.getAttribute("aria-busy"), null);
  const after = await page.evaluate(() => document.getElementById("below").getBoundingClientRect().top);
  assert.ok(Math.abs(after - before) <= after * 0.05, `below the element ${before} → ${after}`);
  // Malay's module answers 404: the form shows in English, works, and the console says why.
  await page.locator('#ms [name="incoming.host"]').fill("mail,example,com");
  await page.locator('#ms [data-code="comma-for-dot"]').waitFor();
  assert.equal(await page.locator("#ms legend").first().innerText(), "Incoming mail");
  assert.equal(await page.locator("#ms .maillint-locale-select").inputValue(), "en");
  assert.ok(logged.some((t) => t.includes("maillint: a language could not be loaded")), logged.join("\n"));
  // The language menu: a language that loads switches once its texts are in.
  await page.locator("#ms .maillint-locale-select").selectOption("zh-TW");
  await page.locator("#ms legend").first().filter({ hasText: "內送郵件" }).waitFor();
  assert.equal(await page.locator('#ms [name="incoming.host"]').inputValue(), "mail,example,com");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a catalogue module that cannot be read leaves a working form, not a broken one; a switch back before a language arrives wins", async () => {
  const page = await chromium.browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const logged = [];
  page.on("console", (m) => { if (m.type() === "error") logged.push(m.text()); });
  // Simplified Chinese answers with a module that lacks nearly every text.
  await page.route(/\/locales\/zh_hans\.js$/, (route) => route.fulfill({ contentType: "text/javascript", body: 'export default { "ui.fix_all": "全部修正" };' }));
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(/\/locales\/ms\.js$/, async (route) => { await held; await route.continue(); });
  await page.route(`${chromium.server.url}/broken.html`, (route) => route.fulfill({ contentType: "text/html",
    body: '<!doctype html><html lang="en"><title>t</title><mail-settings-check id="cn" locale="zh-CN"></mail-settings-check><mail-settings-check id="en"></mail-settings-check><script type="module" src="/pkg/element.js"></script>' }));
  await page.goto(`${chromium.server.url}/broken.html`);
  await page.locator('#cn [name="incoming.host"]').fill("mail,example,com");
  await page.locator('#cn [data-code="comma-for-dot"]').waitFor();
  assert.equal(await page.locator("#cn legend").first().innerText(), "Incoming mail");
  assert.equal(await page.locator("#cn .maillint-unavailable").count(), 0);
  assert.ok(logged.some((t) => t.includes("maillint: a language could not be loaded")), logged.join("\n"));
  // Malay asked for, then English again before Malay's texts arrive: English stays, not busy.
  const en = page.locator("#en .maillint");
  await page.locator("#en .maillint-locale-select").selectOption("ms");
  assert.equal(await en.getAttribute("aria-busy"), "true");
  await page.locator("#en .maillint-locale-select").selectOption("en");
  assert.equal(await en.getAttribute("aria-busy"), null);
  release();
  await page.waitForResponse(/\/locales\/ms\.js$/);
  await page.waitForTimeout(100);
  assert.equal(await page.locator("#en legend").first().innerText(), "Incoming mail");
  assert.equal(await page.locator("#en .maillint-locale-select").inputValue(), "en");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a page loads only the languages its widgets show: Chinese loads no English, English its own module; with no language loadable, the guard's notice", async () => {
  // In Chinese: the glue, the module and Taiwan's texts, and no English.
  const zh = await pageWith("/only-zh.html", '<mail-settings-check locale="zh-TW"></mail-settings-check>');
  await zh.page.locator('mail-settings-check [name="incoming.host"]').fill("mail,example,com");
  await zh.page.locator('mail-settings-check [data-code="comma-for-dot"]').waitFor();
  assert.equal(await zh.page.locator("mail-settings-check legend").first().innerText(), "內送郵件");
  const loaded = (r) => r.filter((u) => u.includes("/pkg/")).map((u) => new URL(u).pathname.replace("/pkg/", "")).sort();
  assert.deepEqual(loaded(zh.requests), ["element.js", "locales/zh_hant.js", "maillint-core.js", "maillint_bg.wasm"]);
  assert.deepEqual(zh.errors, []);
  await zh.page.close();
  // In English: English's module, and the form speaks it.
  const en = await pageWith("/only-en.html", "<mail-settings-check></mail-settings-check>");
  await en.page.locator('mail-settings-check [name="incoming.host"]').fill("mail,example,com");
  await en.page.locator('mail-settings-check [data-code="comma-for-dot"]').waitFor();
  assert.equal(await en.page.locator("mail-settings-check legend").first().innerText(), "Incoming mail");
  assert.deepEqual(loaded(en.requests), ["element.js", "locales/en.js", "maillint-core.js", "maillint_bg.wasm"]);
  await en.page.close();
  // Malay cannot load, and English, its stand-in, neither: no form without words, but the
  // guard's notice with its reload button, and the page's own scripts unharmed.
  const page = await chromium.browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route(/\/locales\/(ms|en)\.js$/, (route) => route.fulfill({ status: 404, body: "" }));
  await page.route(`${chromium.server.url}/none.html`, (route) => route.fulfill({ contentType: "text/html",
    body: '<!doctype html><html lang="en"><title>t</title><mail-settings-check locale="ms"></mail-settings-check><script type="module" src="/pkg/element.js"></script>' }));
  await page.goto(`${chromium.server.url}/none.html`);
  const notice = page.locator("mail-settings-check .maillint-unavailable");
  await notice.waitFor();
  assert.match(await notice.innerText(), /Checking is unavailable right now/);
  assert.equal(await notice.locator("button").innerText(), "Reload");
  assert.equal(await page.locator('mail-settings-check [name="email"]').isVisible(), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a catalogue module whose object holds itself, or whose getter throws, is refused like any unreadable one: the form works in English", async () => {
  const page = await chromium.browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const logged = [];
  page.on("console", (m) => { if (m.type() === "error") logged.push(m.text()); });
  await page.route(/\/locales\/zh_hans\.js$/, (route) => route.fulfill({ contentType: "text/javascript",
    body: "const a = {}; a.entries = a; a.ui = a; a.words = a; export default a;" }));
  await page.route(/\/locales\/ms\.js$/, (route) => route.fulfill({ contentType: "text/javascript",
    body: 'export default { ui: { get fix_all() { throw new Error("no"); } } };' }));
  await page.route(`${chromium.server.url}/hostile.html`, (route) => route.fulfill({ contentType: "text/html",
    body: '<!doctype html><html lang="en"><title>t</title><mail-settings-check id="cn" locale="zh-CN"></mail-settings-check><mail-settings-check id="ms" locale="ms"></mail-settings-check><script type="module" src="/pkg/element.js"></script>' }));
  await page.goto(`${chromium.server.url}/hostile.html`);
  for (const id of ["cn", "ms"]) {
    await page.locator(`#${id} [name="incoming.host"]`).fill("mail,example,com");
    await page.locator(`#${id} [data-code="comma-for-dot"]`).waitFor();
    assert.equal(await page.locator(`#${id} legend`).first().innerText(), "Incoming mail");
    assert.equal(await page.locator(`#${id} .maillint-unavailable`).count(), 0);
  }
  assert.equal(logged.filter((t) => t.includes("maillint: a language could not be loaded")).length, 2, logged.join("\n"));
  assert.deepEqual(errors, []);
  await page.close();
});

// The widget as a customer uses it, in Debian's Chromium driven by playwright-core, against
// the sample pages served on localhost.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { servedChromium } from "./serve.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const artifacts = new URL("../../test-results/", import.meta.url).pathname;
mkdirSync(artifacts, { recursive: true });

const chromium = servedChromium();

async function open(path = "/www/index.html", { width = 1280, height = 900 } = {}) {
  const page = await chromium.browser.newPage({ viewport: { width, height } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(chromium.server.url + path);
  await page.locator(".maillint form").waitFor();
  return { page, errors };
}

const field = (page, name) => page.locator(`.maillint [name="${name}"]`);
const findingsOf = (page, name) =>
  page.locator(`.maillint [data-field="${name}"] .maillint-finding`).evaluateAll((els) => els.map((e) => e.dataset.code));

test("typing mail,example,com shows comma-for-dot, and its fix works", async () => {
  const { page, errors } = await open();
  const host = field(page, "incoming.host");
  await host.pressSequentially("mail,example,com");
  assert.ok((await findingsOf(page, "incoming.host")).includes("comma-for-dot"));
  assert.equal(await host.getAttribute("aria-invalid"), "true");
  const described = await host.getAttribute("aria-describedby");
  assert.match(await page.locator(`#${described}`).innerText(), /comma/);
  await page.locator('.maillint [data-code="comma-for-dot"] .maillint-fix').click();
  assert.equal(await host.inputValue(), "mail.example.com");
  assert.ok(!(await findingsOf(page, "incoming.host")).includes("comma-for-dot"));
  // Focus went back to the field the fix changed.
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "incoming.host");
  assert.match(await page.locator(".maillint-summary").innerText(), /problem/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("untouched fields are not nagged; the summary counts what is shown", async () => {
  const { page } = await open();
  await field(page, "email").fill("momo@gmial.com");
  assert.deepEqual(await findingsOf(page, "email"), ["domain-typo"]);
  for (const name of ["incoming.host", "incoming.port", "outgoing.host", "outgoing.username"]) {
    assert.deepEqual(await findingsOf(page, name), [], name);
  }
  assert.match(await page.locator(".maillint-summary").innerText(), /^1 problem/);
  const report = await page.evaluate(() => window.maillintLastReport);
  assert.equal(report.findings[0].code, "domain-typo");
  await page.close();
});

test("pasting a Traditional Chinese block fills the form and shows its findings", async () => {
  const { page } = await open();
  const block = "內送郵件\n伺服器:mail.[yourdomain.com]\n連接埠:995\n此伺服器需要加密連線 (SSL):點選\n"
    + "外寄郵件\n伺服器:mail.lamtin.hk\n連接埠:25\n使用者名稱:momo@lamtin.hk\n";
  await page.locator(".maillint textarea").fill(block);
  assert.equal(await field(page, "incoming.host").inputValue(), "mail.[yourdomain.com]");
  assert.equal(await field(page, "incoming.port").inputValue(), "995");
  assert.equal(await field(page, "incoming.security").inputValue(), "tls");
  assert.equal(await field(page, "outgoing.port").inputValue(), "25");
  assert.deepEqual(await findingsOf(page, "incoming.host"), ["placeholder"]);
  assert.deepEqual(await findingsOf(page, "outgoing.port"), ["port-25-submission"]);
  await page.close();
});

test("a multi-line paste into the address field fills the form", async () => {
  const { page } = await open();
  await field(page, "email").focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text", "Email: momo@lamtin.hk\nIncoming server: mail,lamtin,hk\nPort: 993");
    document.activeElement.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  assert.equal(await field(page, "email").inputValue(), "momo@lamtin.hk");
  assert.equal(await field(page, "incoming.host").inputValue(), "mail,lamtin,hk");
  assert.deepEqual(await findingsOf(page, "incoming.host"), ["comma-for-dot"]);
  await page.close();
});

test("switching locale changes labels and messages in place and keeps what was typed", async () => {
  const { page } = await open();
  await field(page, "incoming.host").fill("mail,lamtin,hk");
  // The first switch to a language loads its texts (a module of its own); then it is at once.
  await page.locator(".maillint-locale-select").selectOption("zh-TW");
  await page.locator(".maillint legend").first().filter({ hasText: "內送郵件" }).waitFor();
  assert.match(await page.locator('.maillint [data-code="comma-for-dot"] .maillint-message').innerText(), /點（\.）/);
  assert.equal(await page.locator(".maillint").getAttribute("lang"), "zh-TW");
  assert.match(await page.locator(".maillint-paste label").innerText(), /您/);
  assert.equal(await field(page, "incoming.host").inputValue(), "mail,lamtin,hk");
  await page.locator(".maillint-locale-select").selectOption("zh-HK");
  assert.equal(await page.locator(".maillint").getAttribute("lang"), "zh-HK");
  assert.match(await page.locator(".maillint-paste label").innerText(), /你/);
  await page.evaluate(() => window.maillintWidget.setLocale("ms-MY"));
  await page.locator('.maillint [data-code="comma-for-dot"] .maillint-message').filter({ hasText: "titik (.)" }).waitFor();
  assert.equal(await page.locator(".maillint-locale-select").inputValue(), "ms");
  assert.equal(await page.locator(".maillint").getAttribute("lang"), "ms");
  assert.equal(await page.locator('select[name="incoming.security"] option[value=""]').innerText(), "Pilih…");
  await page.close();
});

test("keyboard only: type, tab to the fix, press Enter", async () => {
  const { page } = await open();
  await field(page, "email").focus();
  await page.keyboard.type("momo@hotmial.com");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "maillint-fix");
  await page.keyboard.press("Enter");
  assert.equal(await field(page, "email").inputValue(), "momo@hotmail.com");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "email");
  await page.close();
});

test("Fix all applies every error fix", async () => {
  const { page } = await open();
  await field(page, "email").fill("momo＠gmial.com");
  await field(page, "incoming.port").fill("993 ");
  await field(page, "incoming.security").selectOption("starttls");
  await page.locator(".maillint-fix-all").click();
  assert.equal(await field(page, "email").inputValue(), "momo@gmail.com");
  assert.equal(await field(page, "incoming.port").inputValue(), "993");
  assert.equal(await field(page, "incoming.security").inputValue(), "tls");
  assert.equal(await page.locator(".maillint-fix-all").isDisabled(), true);
  await page.close();
});

test("no serious or critical accessibility violations (axe-core), nothing wider than 320, 375 or 1280 px, screenshots", async () => {
  for (const width of [320, 375, 1280]) {
    const { page } = await open("/www/index.html", { width, height: 1000 });
    await field(page, "incoming.host").fill("mail,lamtin,hk");
    await field(page, "email").fill("momo@gmial.com");
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => {
      const r = await window.axe.run(document);
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(bad, [], JSON.stringify(result));
    await page.screenshot({ path: join(artifacts, `widget-${width}.png`), fullPage: true });
    const overflow = await page.evaluate(() => {
      const wide = [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1);
      return wide.slice(0, 5).map((e) => `${e.tagName}.${e.className}`);
    });
    assert.deepEqual(overflow, [], `wider than ${width}px`);
    await page.close();
  }
});

test("a trap inside the widget shows a notice and the page keeps working", async () => {
  const { page } = await open();
  await page.evaluate(() => window.maillintWidget.simulateTrap());
  await field(page, "email").fill("x");
  const notice = page.locator(".maillint-unavailable[role=alert]");
  await notice.waitFor();
  assert.match(await notice.innerText(), /unavailable/);
  assert.equal(await notice.locator("button").count(), 1);
  await page.locator("#helpful").click();
  await page.locator("#helpful").click();
  assert.equal(await page.locator("#helpful-count").innerText(), "2");
  await page.close();
});

test("mounting and destroying 100 times leaves no listener or node behind", async () => {
  const page = await chromium.browser.newPage();
  await page.addInitScript(() => {
    let live = 0;
    const add = EventTarget.prototype.addEventListener;
    const remove = EventTarget.prototype.removeEventListener;
    const seen = new WeakMap();
    EventTarget.prototype.addEventListener = function (type, fn, opts) {
      const key = `${type}`;
      const set = seen.get(this) ?? new Map();
      seen.set(this, set);
      if (!set.has(fn)) { live++; set.set(fn, key); }
      return add.call(this, type, fn, opts);
    };
    EventTarget.prototype.removeEventListener = function (type, fn, opts) {
      const set = seen.get(this);
      if (set?.has(fn)) { live--; set.delete(fn); }
      return remove.call(this, type, fn, opts);
    };
    window.liveListeners = () => live;
  });
  await page.goto(chromium.server.url + "/www/index.html");
  await page.locator(".maillint form").waitFor();
  const result = await page.evaluate(async () => {
    const { mount } = await import("/pkg/maillint.js");
    const host = document.createElement("div");
    document.body.append(host);
    const before = window.liveListeners();
    const nodesBefore = document.getElementsByTagName("*").length;
    for (let i = 0; i < 100; i++) {
      const w = mount(host, { locale: i % 2 ? "zh-Hans" : "en" });
      host.querySelector('[name="incoming.host"]').value = "mail,lamtin,hk";
      host.querySelector('[name="incoming.host"]').dispatchEvent(new Event("input", { bubbles: true }));
      w.destroy();
      w.destroy();
      w.free();
    }
    return { before, after: window.liveListeners(), nodesBefore, nodesAfter: document.getElementsByTagName("*").length, left: host.childElementCount };
  });
  assert.equal(result.after, result.before);
  assert.equal(result.nodesAfter, result.nodesBefore);
  assert.equal(result.left, 0);
  await page.close();
});

test("typing fast and pasting megabytes leave the form responsive and right", async () => {
  const { page } = await open();
  await field(page, "incoming.host").pressSequentially("imap.gmail.con,,,", { delay: 0 });
  await field(page, "incoming.host").fill("imap.gmail.con");
  assert.deepEqual(await findingsOf(page, "incoming.host"), ["domain-typo"]);
  const big = "Server: mail.lamtin.hk\n" + "x".repeat(3_000_000) + "\nPort: 995\n";
  const started = Date.now();
  await page.locator(".maillint textarea").fill(big);
  assert.equal(await field(page, "incoming.port").inputValue(), "995");
  assert.ok(Date.now() - started < 20_000);
  await field(page, "email").fill("momo@lamtin.hk");
  assert.deepEqual(await findingsOf(page, "email"), []);
  await page.close();
});

test("Test connection shows each server's steps; a failed or slow backend gives a clear message", async () => {
  const { page } = await open("/www/index.html");
  let calls = 0;
  await page.route("**/api/probe*", async (route) => {
    calls++;
    const body = JSON.parse(route.request().postData());
    assert.equal(new URL(route.request().url()).searchParams.get("locale"), "en");
    if (body.protocol === "imap") {
      // Names from the backend cannot smuggle in attributes, and lose their U+0000.
      await route.fulfill({ json: { ok: true, steps: [
        { step: "dns\u0000onclick\u0000alert(1)", ok: true, ms: 3, detail: "127.0.0.1" },
        { step: "connect", ok: true, ms: 1, detail: "connected" },
        { step: "tls", ok: true, ms: 9, detail: "TLS 1.3" }],
        findings: [{ code: "note\u0000onmouseover\u0000alert(2)", severity: "info", message: "A note." }] } });
    } else {
      await route.fulfill({ json: { ok: false, steps: [{ step: "connect", ok: false, ms: 10000, detail: "timed out" }],
        findings: [{ code: "connect-timeout", severity: "error", field: "outgoing.port", message: "Nothing answered on port 25." }] } });
    }
  });
  await field(page, "incoming.host").fill("mail.lamtin.hk");
  await field(page, "incoming.port").fill("993");
  await field(page, "outgoing.host").fill("mail.lamtin.hk");
  await field(page, "outgoing.port").fill("25");
  await page.locator(".maillint-test").click();
  await page.locator(".maillint-probe-result").nth(1).waitFor();
  assert.equal(calls, 2);
  assert.equal(await page.locator('.maillint-probe-result[data-ok="true"] .maillint-step').count(), 3);
  assert.equal(await page.locator('.maillint-probe [data-code="connect-timeout"]').count(), 1);
  assert.equal(await page.locator(".maillint-probe [onclick], .maillint-probe [onmouseover]").count(), 0);
  assert.equal(await page.locator('.maillint-probe [data-step="dnsonclickalert(1)"]').count(), 1);
  assert.equal(await page.locator('.maillint-probe [data-code="noteonmouseoveralert(2)"]').count(), 1);

  // The backend is down: a clear message, and the form still checks.
  await page.unroute("**/api/probe*");
  await page.route("**/api/probe*", (route) => route.abort("connectionrefused"));
  await page.locator(".maillint-test").click();
  await page.locator(".maillint-probe-result [role=alert]").first().waitFor();
  assert.match(await page.locator(".maillint-probe").innerText(), /could not be reached/);

  // A slow backend: the form keeps checking while the test waits.
  await page.unroute("**/api/probe*");
  await page.route("**/api/probe*", () => {}); // never answers
  await page.locator(".maillint-test").click();
  assert.equal(await page.locator(".maillint-test").isDisabled(), true);
  await field(page, "email").fill("momo@gmial.com");
  assert.deepEqual(await findingsOf(page, "email"), ["domain-typo"]);
  await page.close();
});

test("the custom element mounts in the page's language", async () => {
  const { page, errors } = await open("/www/element.html");
  assert.equal(await page.locator("mail-settings-check .maillint legend").first().innerText(), "內送郵件");
  assert.equal(await page.locator("mail-settings-check .maillint-test").isHidden(), true);
  await field(page, "incoming.port").fill("９９３");
  assert.deepEqual(await findingsOf(page, "incoming.port"), ["fullwidth"]);
  await page.evaluate(() => document.querySelector("mail-settings-check").remove());
  assert.equal(await page.locator(".maillint").count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the Vite-built example works", async () => {
  const { page, errors } = await open("/www/vite-example/dist/index.html");
  assert.equal(await page.locator(".maillint legend").first().innerText(), "Mel masuk");
  await field(page, "outgoing.host").fill("imap.lamtin.hk");
  assert.deepEqual(await findingsOf(page, "outgoing.host"), ["host-wrong-protocol"]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a provider's profile drives the widget: its servers, with exact fixes", async () => {
  const { page, errors } = await open("/www/providers/hk-host.html");
  await field(page, "email").fill("momo@chan.com.hk");
  await field(page, "incoming.host").fill("mail.chan.com");
  assert.deepEqual(await findingsOf(page, "incoming.host"), ["provider-host-mismatch"]);
  await page.locator('.maillint [data-code="provider-host-mismatch"] .maillint-fix').click();
  assert.equal(await field(page, "incoming.host").inputValue(), "mail.chan.com.hk");
  await field(page, "incoming.username").fill("momo");
  assert.deepEqual(await findingsOf(page, "incoming.username"), ["username-full-address-expected"]);
  await field(page, "outgoing.port").fill("587");
  assert.deepEqual(await findingsOf(page, "outgoing.port"), ["provider-port-mismatch"]);
  assert.match(await page.locator('.maillint [data-code="provider-port-mismatch"] .maillint-message').innerText(), /Lam Tin Hosting/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("lintProfile and check({ profile }) from JavaScript, and a malformed profile is a clear error", async () => {
  const { page } = await open();
  const result = await page.evaluate(async () => {
    const m = await import("/pkg/maillint.js");
    const lint = m.lintProfile('<clientConfig><emailProvider><incomingServer type="imap"><hostname>mail.%EMAILDOMAIN</hostname><port>993</port><socketType>STARTTLS</socketType></incomingServer></emailProvider></clientConfig>');
    let error = "";
    try { m.check({}, { profile: "<clientConfig>" }); } catch (e) { error = String(e.message); }
    const object = m.check({ email: "momo@chan.hk", outgoing: { port: 587 } }, {
      profile: { incoming: [], outgoing: [{ type: "smtp", hostname: "mail.%EMAILDOMAIN%", port: 465, socketType: "SSL" }] },
    });
    return { lint: lint.findings.map((f) => `${f.code}@${f.element}:${f.line}`), error, object: object.findings.map((f) => f.code) };
  });
  assert.deepEqual(result.lint, [
    "profile-missing-element@emailProvider:0",
    "profile-bad-placeholder@incomingServer[1]/hostname:1",
    "profile-port-socket-mismatch@incomingServer[1]/socketType:1",
  ]);
  assert.match(result.error, /profile: the profile is not well-formed XML/);
  assert.deepEqual(result.object, ["provider-port-mismatch"]);
  await page.close();
});

// mount() from JavaScript in headless Chromium: a named control per field, findings only on
// touched fields, a fix that applies, initial settings, the locale, onChange, destroy.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedChromium } from "./serve.mjs";

let page;
servedChromium(async ({ browser, server }) => {
  page = await browser.newPage();
  await page.goto(server.url + "/www/index.html");
  await page.locator(".maillint form").waitFor();
  // Helpers inside the page: a new host element, typing into a control, a field's codes.
  await page.evaluate(async () => {
    window.lib = await import("/pkg/maillint.js");
    window.newHost = () => document.body.appendChild(document.createElement("div"));
    window.typeInto = (host, name, value) => {
      const input = host.querySelector(`[name="${name}"]`);
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    };
    window.codes = (host, field) =>
      [...host.querySelectorAll(`[data-field="${field}"] .maillint-finding`)].map((e) => e.dataset.code);
  });
});

test("mount builds a named control per field; no probe URL, no Test connection", async () => {
  const result = await page.evaluate(() => {
    const host = newHost();
    const widget = lib.mount(host, { locale: "en" });
    const names = [...host.querySelectorAll("[name]")].map((e) => e.getAttribute("name"));
    const hidden = host.querySelector(".maillint-test").hasAttribute("hidden");
    widget.destroy();
    return { names, hidden };
  });
  assert.deepEqual(result.names, [
    "maillint-locale", "email", "incoming.protocol", "incoming.host", "incoming.port", "incoming.security",
    "incoming.username", "outgoing.host", "outgoing.port", "outgoing.security", "outgoing.username",
    "outgoing.auth", "maillint-paste",
  ]);
  assert.equal(result.hidden, true);
});

test("input shows findings only on touched fields, and a fix applies", async () => {
  const result = await page.evaluate(() => {
    const host = newHost();
    const widget = lib.mount(host, { locale: "en" });
    typeInto(host, "incoming.host", "mail,lamtin,hk");
    const before = { host: codes(host, "incoming.host"), email: codes(host, "email"),
      invalid: host.querySelector('[name="incoming.host"]').getAttribute("aria-invalid") };
    host.querySelector('[data-code="comma-for-dot"] .maillint-fix').click();
    const after = { value: host.querySelector('[name="incoming.host"]').value, host: codes(host, "incoming.host"),
      invalid: host.querySelector('[name="incoming.host"]').getAttribute("aria-invalid"),
      findings: widget.report().findings.length };
    widget.destroy();
    return { before, after };
  });
  assert.deepEqual(result.before, { host: ["comma-for-dot"], email: [], invalid: "true" });
  assert.deepEqual(result.after, { value: "mail.lamtin.hk", host: [], invalid: null, findings: 0 });
});

test("initial settings, the locale and onChange", async () => {
  const result = await page.evaluate(async () => {
    // Loaded first, the languages are there from the form's first frame.
    await lib.loadLocale("zh-HK");
    await lib.loadLocale("ms");
    const host = newHost();
    const seen = [];
    const widget = lib.mount(host, {
      locale: "zh-HK",
      onChange: (r) => seen.push(r.findings.length),
      initial: { email: "momo@gmial.com", incoming: { port: "９９３" } },
    });
    const out = { email: codes(host, "email"), port: codes(host, "incoming.port"),
      hk: host.querySelector(".maillint-message").textContent, lang: host.firstChild.getAttribute("lang") };
    widget.setLocale("ms");
    out.ms = host.querySelector(".maillint-message").textContent;
    out.kept = host.querySelector('[name="incoming.port"]').value;
    typeInto(host, "incoming.port", "993");
    out.seen = seen;
    out.port = widget.settings().incoming.port;
    out.summary = widget.summary();
    widget.destroy();
    return out;
  });
  assert.deepEqual(result.email, ["domain-typo"]);
  assert.match(result.hk, /拼寫/);
  assert.equal(result.lang, "zh-HK");
  assert.match(result.ms, /salah ejaan/);
  assert.equal(result.kept, "９９３");
  assert.deepEqual(result.seen, [1]);
  assert.equal(result.port, "993");
  assert.match(result.summary, /momo@gmial\.com/);
  assert.match(result.summary, /993/);
});

test("destroy removes everything, twice does nothing, and the widget then refuses calls", async () => {
  const result = await page.evaluate(() => {
    const host = newHost();
    const widget = lib.mount(host);
    const before = host.childElementCount;
    widget.destroy();
    widget.destroy();
    let error = "";
    try {
      widget.report();
    } catch (e) {
      error = e.message;
    }
    return { before, after: host.childElementCount, error };
  });
  assert.deepEqual(result, { before: 1, after: 0, error: "maillint: the widget was destroyed" });
});

test("bad arguments are clear errors", async () => {
  const result = await page.evaluate(() => {
    const message = (f) => {
      try {
        f();
        return "";
      } catch (e) {
        return `${e.name}: ${e.message}`;
      }
    };
    return [
      message(() => lib.mount(42)),
      message(() => lib.mount(newHost(), { probeUrl: 5 })),
      message(() => lib.mount(newHost(), { onChange: "no" })),
      message(() => lib.mount(newHost()).setLocale(3)),
    ];
  });
  assert.match(result[0], /^TypeError: maillint: mount takes an HTML element/);
  assert.match(result[1], /^TypeError: maillint: options\.probeUrl must be text/);
  assert.match(result[2], /options\.onChange must be a function/);
  assert.match(result[3], /^TypeError: maillint: setLocale takes a language tag/);
});

test("options that are refused leave the host as it was", async () => {
  const result = await page.evaluate(() => {
    const left = [];
    for (const options of [{ profile: "<clientConfig><emailProvider>" }, { probeUrl: 5 }, { profile: 7 }]) {
      const host = newHost();
      try {
        lib.mount(host, options);
        left.push("mounted");
      } catch {
        left.push(host.childElementCount);
      }
    }
    return left;
  });
  assert.deepEqual(result, [0, 0, 0]);
});

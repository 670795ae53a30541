// Every export, with every kind of JavaScript value in every argument, in Chromium (with a
// real element for mount): an Error each time, never a trap, and the module keeps working.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedChromium } from "./serve.mjs";

const chromium = servedChromium();

test("no export traps on any JavaScript value, in Chromium", async () => {
  const page = await chromium.browser.newPage();
  await page.goto(`${chromium.server.url}/bench/page.html`);
  const problems = await page.evaluate(async () => {
    const m = await import("/pkg/maillint.js");
    await m.default();
    const { callEveryExport } = await import("/tests/js/junk.mjs");
    const element = document.createElement("div");
    document.body.append(element);
    return callEveryExport(m, element);
  });
  assert.deepEqual(problems, []);
  await page.close();
});

test("on a page that enforces Trusted Types, an XML profile is a clear error and the module keeps working", async () => {
  // DOMParser is a Trusted Types sink: such a page refuses it, and the refusal must come
  // back as an Error from lintProfile, not as an exception through the wasm module.
  const page = await chromium.browser.newPage();
  await page.route(`${chromium.server.url}/trusted-types.html`, (route) =>
    route.fulfill({
      contentType: "text/html",
      headers: { "content-security-policy": "require-trusted-types-for 'script'" },
      body: "<!doctype html><title>Trusted Types</title><p>page</p>",
    }));
  await page.goto(`${chromium.server.url}/trusted-types.html`);
  const result = await page.evaluate(async () => {
    const m = await import("/pkg/maillint.js");
    await m.default();
    const xml = "<clientConfig><emailProvider><domain>chan.hk</domain></emailProvider></clientConfig>";
    let error;
    try {
      m.lintProfile(xml);
    } catch (e) {
      error = `${e.constructor.name}: ${e.message}`;
    }
    const object = m.lintProfile({ domains: ["chan.hk"], incoming: [], outgoing: [] });
    return { error, objectFindings: object.findings.length, after: m.check({ email: "momo@gmial.com" }).findings[0]?.code };
  });
  assert.match(result.error, /^Error: maillint: profile: the page did not let the browser read the profile's XML .*give the profile as an object instead$/);
  assert.ok(result.objectFindings > 0);
  assert.equal(result.after, "domain-typo");
  await page.close();
});

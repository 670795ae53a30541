// Every export, with every kind of JavaScript value in every argument, in Chromium (with a
// real element for mount): an Error each time, never a trap, and the module keeps working.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchChromium, serve } from "./serve.mjs";

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  server?.close();
});

test("no export traps on any JavaScript value, in Chromium", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/bench/page.html`);
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

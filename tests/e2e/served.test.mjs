// The sample pages as maillint-server serves them, with its Content-Security-Policy and
// safety headers: the checker must work under them, with no policy violation.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { launchChromium } from "./serve.mjs";

const root = new URL("../../", import.meta.url).pathname;
const binary = ["target/debug/maillint-server", "target/release/maillint-server"]
  .map((p) => root + p)
  .find(existsSync);

let server;
let base;
let browser;

before(async () => {
  assert.ok(binary, "cargo test builds target/debug/maillint-server before these tests");
  server = spawn(binary, ["--listen", "127.0.0.1:0", "--www", root], { stdio: ["ignore", "pipe", "inherit"] });
  base = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: server.stdout });
    lines.on("line", (line) => {
      const m = /http:\/\/([^/]+)\//.exec(line);
      if (m) resolve(`http://${m[1]}`);
    });
    server.on("exit", (code) => reject(new Error(`maillint-server exited with ${code}`)));
  });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  server?.kill();
});

async function open(path) {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(m.text());
  });
  // Chromium asks for /favicon.ico on its own; every other failed request is a problem.
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) problems.push(`${r.status()} ${r.url()}`);
  });
  const response = await page.goto(base + path);
  return { page, problems, headers: response.headers() };
}

test("the sample page works under the server's Content-Security-Policy", async () => {
  const { page, problems, headers } = await open("/www/index.html");
  assert.match(headers["content-security-policy"], /default-src 'self'/);
  assert.match(headers["content-security-policy"], /frame-ancestors 'self'/);
  assert.equal(headers["x-content-type-options"], "nosniff");
  const host = page.locator('.maillint [name="incoming.host"]');
  await host.pressSequentially("mail,example,com");
  await page.locator('.maillint [data-code="comma-for-dot"]').first().waitFor();
  // The host page's own script runs too.
  await page.locator("#helpful").click();
  assert.equal(await page.locator("#helpful-count").innerText(), "1");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the custom element and a provider's page work under it too", async () => {
  for (const path of ["/www/element.html", "/www/providers/hk-host.html"]) {
    const { page, problems } = await open(path);
    await page.locator(".maillint form").waitFor();
    await page.locator('.maillint [name="email"]').fill("momo@gmial.com");
    await page.locator('.maillint [data-code="domain-typo"]').first().waitFor();
    // The page's language (zh-HK) came as a module of its own, from the same server.
    if (path === "/www/element.html") assert.equal(await page.locator(".maillint legend").first().innerText(), "內送郵件");
    assert.deepEqual(problems, [], path);
    await page.close();
  }
});

test("the sample page takes no probe endpoint from its address", async () => {
  const { page } = await open("/www/index.html?probe=https://evil.example/collect");
  const asked = [];
  page.on("request", (r) => asked.push(r.url()));
  await page.locator('.maillint [name="incoming.host"]').fill("mail.lamtin.hk");
  await page.locator('.maillint [name="incoming.port"]').fill("993");
  await page.locator(".maillint-test").click();
  await page.waitForTimeout(300);
  assert.ok(asked.length > 0);
  assert.ok(asked.every((u) => u.startsWith(base)), asked.join("\n"));
  await page.close();
});

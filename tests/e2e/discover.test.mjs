// Discovery in the widget, end to end: a page served by maillint-server whose resolver is a
// local dnsmasq (the test's own zone), typed into in Chromium. Offline: the zone answers
// `.test` names, everything else is refused.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createSocket } from "node:dgram";
import { createInterface } from "node:readline";
import { launchChromium } from "./serve.mjs";

const root = new URL("../../", import.meta.url).pathname;
const binary = ["target/debug/maillint-server", "target/release/maillint-server"]
  .map((p) => root + p)
  .find(existsSync);
const dnsmasq = ["/usr/sbin/dnsmasq", "/usr/bin/dnsmasq"].find(existsSync);

let dns;
let server;
let base;
let browser;

async function freePort() {
  const s = createSocket("udp4");
  await new Promise((ok) => s.bind(0, "127.0.0.1", ok));
  const port = s.address().port;
  s.close();
  return port;
}

function startServer(dnsPort) {
  const child = spawn(binary, ["--listen", "127.0.0.1:0", "--www", root, "--dns-server", `127.0.0.1:${dnsPort}`, "--dns-canary", "canary.test",
    "--discover-timeout", "4", "--discover-request-timeout", "1.5"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      const m = /http:\/\/([^/]+)\//.exec(line);
      if (m) resolve(`http://${m[1]}`);
    });
    child.on("exit", (code) => reject(new Error(`maillint-server exited with ${code}`)));
  });
  return { child, url };
}

before(async () => {
  assert.ok(binary, "cargo test builds target/debug/maillint-server before these tests");
  assert.ok(dnsmasq, "scripts/setup.sh installs dnsmasq-base");
  const port = await freePort();
  dns = spawn(dnsmasq, ["--keep-in-foreground", "--port", String(port), "--listen-address=127.0.0.1",
    "--bind-interfaces", "--no-resolv", "--no-hosts", "--conf-file=/dev/null", "--pid-file=", "--user=root",
    "--local=/test/", "--mx-host=canary.test,mx.canary.test,10", "--mx-host=gw.test,aspmx.l.google.com,1", "--mx-host=nullmx.test,.,0"], { stdio: "ignore" });
  const started = startServer(port);
  server = started.child;
  base = await started.url;
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  server?.kill();
  dns?.kill();
});

const field = (page, name) => page.locator(`.maillint [name="${name}"]`);

test("a Google-hosted domain: the discovery line, and the incoming server fixed to Gmail's", async () => {
  const page = await browser.newPage();
  const asked = [];
  page.on("request", (r) => { if (r.url().includes("/api/discover")) asked.push(r.postData()); });
  await page.goto(base + "/www/index.html");
  await field(page, "incoming.host").fill("mail.gw.test");
  await field(page, "email").pressSequentially("momo@gw.test");
  const line = page.locator(".maillint-discovery-text");
  await line.waitFor({ timeout: 15000 });
  // Google signs mail apps in with its own page (OAuth): the line says so.
  assert.equal(await line.innerText(), "Mail for gw.test is handled by Google Workspace (MX records). Mail apps can sign in there with the provider's own sign-in (OAuth).");
  const mismatch = page.locator('.maillint [data-field="incoming.host"] [data-code="provider-host-mismatch"]');
  await mismatch.waitFor();
  await mismatch.locator(".maillint-fix").click();
  assert.equal(await field(page, "incoming.host").inputValue(), "imap.gmail.com");
  // Asked once, with the domain only: never on each keystroke, never the address.
  await field(page, "email").blur();
  await page.waitForTimeout(1000);
  assert.deepEqual(asked, ['{"domain":"gw.test"}']);
  await page.close();
});

test("a domain with a null MX shows domain-no-mail under the address", async () => {
  const page = await browser.newPage();
  await page.goto(base + "/www/index.html");
  await field(page, "email").fill("momo@nullmx.test");
  await field(page, "email").blur();
  const finding = page.locator('.maillint-discovery [data-code="domain-no-mail"]');
  await finding.waitFor({ timeout: 15000 });
  assert.match(await finding.innerText(), /null MX|does not receive mail/);
  await page.close();
});

test("with the backend down the form keeps working and says only that it could not look up", async () => {
  const page = await browser.newPage();
  await page.goto(base + "/www/index.html");
  // The checker is loaded; then the backend goes away.
  await page.locator(".maillint form").waitFor();
  server.kill();
  await new Promise((ok) => server.once("exit", ok));
  await field(page, "email").fill("momo@elsewhere.test");
  await field(page, "email").blur();
  const line = page.locator(".maillint-discovery-text");
  await line.waitFor({ timeout: 15000 });
  assert.equal(await line.innerText(), "Couldn’t look up elsewhere.test.");
  await field(page, "incoming.host").fill("mail,elsewhere,test");
  await page.locator('.maillint [data-code="comma-for-dot"]').first().waitFor();
  await page.close();
});

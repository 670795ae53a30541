// The built package (pkg/) as a JavaScript user sees it: its typings and its exports.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../../", import.meta.url);
const dts = readFileSync(new URL("pkg/maillint.d.ts", root), "utf8");
const { initSync, check, parseSettings, rules } = await import(new URL("pkg/maillint.js", root));
initSync({ module: readFileSync(fileURLToPath(new URL("pkg/maillint_bg.wasm", root))) });

// The API's own part of the .d.ts: everything before wasm-bindgen's InitInput internals.
const api = dts.split("export type InitInput")[0];

// The typings are generated from the Rust types that cross the boundary (tsify and
// wasm-bindgen); this reviewed copy makes every change to them show in review. After a
// deliberate change: MAILLINT_UPDATE_TYPINGS=1 node --test tests/js/api.test.mjs
test("the generated typings are the reviewed ones", () => {
  const reviewed = new URL("tests/js/maillint.d.ts.reviewed", root);
  if (process.env.MAILLINT_UPDATE_TYPINGS) writeFileSync(reviewed, api);
  assert.equal(api, readFileSync(reviewed, "utf8"),
    "a boundary type changed: review the new declarations and update tests/js/maillint.d.ts.reviewed");
});

test("the public typings use no `any`", () => {
  const anyType = /(:\s*any\b|<any>|any\[\]|\|\s*any\b)/;
  assert.ok(!anyType.test(api), api.split("\n").filter((l) => anyType.test(l)).join("\n"));
  assert.match(api, /export function check\(settings: Settings, options\?: CheckOptions\): Report;/);
  assert.match(api, /export function parseSettings\(text: string\): ParsedSettings;/);
  assert.match(api, /export function rules\(\): RuleInfo\[\];/);
  assert.match(api, /export function lintProfile\(profile: string \| ProviderProfile, options\?: \{ locale\?: string \}\): LintReport;/);
  assert.match(api, /export function mount\(element: HTMLElement, options\?: MountOptions\): Widget;/);
});

test("the Code type lists exactly the codes rules() returns", () => {
  const block = api.split("export type Code =")[1].split(";")[0];
  const typed = [...block.matchAll(/"([a-z0-9-]+)"/g)].map((m) => m[1]).sort();
  const listed = rules().map((r) => r.code).sort();
  assert.deepEqual(typed, listed);
});

test("check returns typed findings with exact fixes", () => {
  const report = check({ email: "momo@gmial.com", incoming: { host: "mail,lamtin,hk", port: "９９３" } });
  assert.equal(report.ok, false);
  const codes = report.findings.map((f) => `${f.code}@${f.field}`);
  assert.deepEqual(codes, ["domain-typo@email", "comma-for-dot@incoming.host", "fullwidth@incoming.port"]);
  const [typo] = report.findings;
  assert.deepEqual(typo.fix.edits, [{ field: "email", value: "momo@gmail.com" }]);
  assert.equal(typeof report.findings[2].fix.edits[0].value, "number");
});

test("applying every fix leaves no fixable error behind", () => {
  let settings = { email: "momo@gmail.com", incoming: { host: "smtp.gmail.com", port: 995, security: "starttls" }, outgoing: { port: 25, auth: false } };
  for (let round = 0; round < 5; round++) {
    const withFix = check(settings).findings.filter((f) => f.fix);
    if (withFix.length === 0) break;
    for (const edit of withFix[0].fix.edits) {
      const [side, key] = edit.field.split(".");
      if (key) settings = { ...settings, [side]: { ...settings[side], [key]: edit.value } };
      else settings = { ...settings, [side]: edit.value };
    }
  }
  const left = check(settings).findings.filter((f) => f.fix);
  assert.deepEqual(left, []);
});

test("bad input throws an Error and the module keeps working", () => {
  assert.throws(() => check(42), /settings must be an object/);
  assert.throws(() => check({ incoming: { port: {} } }), Error);
  assert.equal(check({}).ok, true);
});

test("parseSettings takes a 1 MB paste without trouble", () => {
  const block = "Incoming server: mail.lamtin.hk\nPort: 993\nSSL: Yes\n";
  const junk = "x".repeat(1 << 20);
  const parsed = parseSettings(block + junk + "\n" + block.repeat(10000));
  assert.equal(parsed.incoming.host, "mail.lamtin.hk");
  assert.equal(parsed.incoming.security, "tls");
});

test("languages other than English load when first needed: a clear Error before, the language's own texts after", async () => {
  const wasm = readFileSync(fileURLToPath(new URL("pkg/maillint_bg.wasm", root)));
  // A module instance of its own (its own query): it starts with English alone.
  const m = await import(new URL("pkg/maillint.js?languages", root));
  await m.default({ module_or_path: wasm });
  const settings = { incoming: { host: "mail,example,com" } };
  assert.equal(m.check(settings).findings[0].fix.title, "Change to “mail.example.com”");
  assert.throws(() => m.check(settings, { locale: "zh-TW" }),
    (e) => e instanceof Error && e.message.startsWith('maillint: the zh-TW texts are not loaded: await loadLocale("zh-TW") first'));
  assert.throws(() => m.lintProfile({ domains: ["example.com"], incoming: [], outgoing: [] }, { locale: "ms" }), /the ms texts are not loaded/);
  assert.throws(() => m.loadLocale(42), TypeError);
  await m.loadLocale("zh-TW");
  assert.equal(m.check(settings, { locale: "zh-TW" }).findings[0].fix.title, "改為「mail.example.com」");
  // Hong Kong shares Taiwan's catalogue, with its own terms.
  assert.match(m.check({ email: "a@b" }, { locale: "zh-HK" }).findings[0].message, /電郵/);
  assert.throws(() => m.check(settings, { locale: "zh-CN" }), /the zh-Hans texts are not loaded/);
  // Without a tag: every language. English needs nothing, and a language loaded twice is read once.
  await m.loadLocale();
  await m.loadLocale("en");
  await m.loadLocale("zh-TW");
  assert.equal(m.check(settings, { locale: "zh-CN" }).findings[0].fix.title, "改为“mail.example.com”");
  assert.equal(m.check(settings, { locale: "ms-MY" }).findings[0].fix.title, "Tukar kepada “mail.example.com”");
  const profile = { domains: ["example.com"], incoming: [], outgoing: [] };
  const [english, malay] = ["en", "ms"].map((locale) => m.lintProfile(profile, { locale }).findings.map((f) => f.message));
  assert.ok(english.length > 0);
  assert.notDeepEqual(malay, english);
});

test("an export called before the module is started is a clear Error", async () => {
  // A module instance of its own (another URL), never started.
  const fresh = await import(new URL("pkg/maillint.js?never-started", root));
  for (const call of [() => fresh.check({}), () => fresh.rules(), () => fresh.parseSettings("x"), () => fresh.lintProfile("<x/>")]) {
    assert.throws(call, (e) => e instanceof Error && /^maillint: call init\(\) first/.test(e.message));
  }
});

test("the element entry imports where there is no DOM (server-side rendering) without starting anything", async () => {
  const element = await import(new URL("pkg/element.js", root));
  assert.equal(typeof element.MailSettingsCheck, "function");
  assert.equal(globalThis.customElements, undefined);
});

test("the element's hand-kept typings name exactly the attributes it observes, in each framework's entry", async () => {
  // element.d.ts, react.d.ts and vue.d.ts describe the JavaScript shell, not a value that
  // crosses into Rust, so they are written by hand: this keeps them to what the element does.
  const { MailSettingsCheck } = await import(new URL("pkg/element.js", root));
  const observed = [...MailSettingsCheck.observedAttributes].sort();
  const elementDts = readFileSync(new URL("pkg/element.d.ts", root), "utf8");
  const block = /export interface MailSettingsCheckAttributes \{([\s\S]*?)\n\}/.exec(elementDts)[1];
  const typed = [...block.matchAll(/^\s*"?([a-z-]+)"?\?:/gm)].map((m) => m[1]).sort();
  assert.deepEqual(typed, observed);
  for (const entry of ["react.d.ts", "vue.d.ts"]) {
    assert.match(readFileSync(new URL(`pkg/${entry}`, root), "utf8"), /MailSettingsCheckAttributes/, entry);
  }
});

test("the module carried in JavaScript (for bundlers) is the .wasm itself, and says so where it cannot be inflated", async () => {
  const { inlineWasm } = await import(new URL("pkg/wasm-inline.js", root));
  const response = inlineWasm();
  assert.equal(response.headers.get("content-type"), "application/wasm");
  const carried = Buffer.from(await response.arrayBuffer());
  assert.ok(carried.equals(readFileSync(fileURLToPath(new URL("pkg/maillint_bg.wasm", root)))));
  const saved = globalThis.DecompressionStream;
  try {
    delete globalThis.DecompressionStream;
    assert.throws(inlineWasm, /^Error: maillint: this browser cannot inflate/);
  } finally {
    globalThis.DecompressionStream = saved;
  }
});

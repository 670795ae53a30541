// The widget: a form that checks itself on every keystroke, shows each finding next to its
// field with a one-click fix, reads pasted blocks, switches language in place, tests the
// connection when the page gives a probe endpoint and looks the address's domain up when it
// gives a discovery endpoint. This module draws and listens; the state and every decision
// (the check, which fix writes what, what a test asks, which profile applies, the texts)
// are the wasm module's `WidgetCore` (src/wasm/widget.rs). Exported as `mount()` by the
// package's module and used by the `<mail-settings-check>` element.
import { WidgetCore } from "./glue.js";

// The fields in the engine's order (`Field::ALL`): path and kind of control.
const FIELDS = [
  ["email", "text"],
  ["incoming.protocol", "protocol"],
  ["incoming.host", "text"],
  ["incoming.port", "port"],
  ["incoming.security", "security"],
  ["incoming.username", "text"],
  ["outgoing.host", "text"],
  ["outgoing.port", "port"],
  ["outgoing.security", "security"],
  ["outgoing.username", "text"],
  ["outgoing.auth", "checkbox"],
];
// Positions in `WidgetCore.words()`: the interface texts first (`messages::Ui::texts`).
const LANGUAGE = 0,
  INCOMING = 1,
  OUTGOING = 2,
  CHOOSE = 3,
  PASTE = 4,
  FIX_ALL = 5,
  TEST_CONNECTION = 6,
  TESTING = 7,
  PROBLEMS_ONE = 8,
  PROBLEMS_OTHER = 9,
  NO_PROBLEMS = 10,
  UNAVAILABLE = 11,
  RELOAD = 12,
  PROBE_OK = 13,
  PROBE_FAILED = 14,
  PROBE_UNREACHABLE = 15,
  PROBE_TIMEOUT = 16,
  PROBE_NEEDS_SERVER = 17,
  STEP_LINE = 18,
  COPY_SUMMARY = 19,
  COPIED = 20,
  SUMMARY_TITLE = 21,
  SUMMARY_FINDINGS = 22,
  SUMMARY_LINE = 23,
  YES = 24,
  NO = 25,
  DISCOVERY_FOUND = 26,
  DISCOVERY_NO_PROVIDER = 27,
  DISCOVERY_FAILED = 28,
  SOURCE_AUTOCONFIG = 29,
  SOURCE_MX = 30,
  SOURCE_ISPDB = 31,
  SOURCE_SRV = 32,
  DISCOVERY_OAUTH = 33;
// How long the customer pauses in the address before its domain is asked about, and how
// long a discovery answer and a connection test may take.
const PAUSE_MS = 800;
const DISCOVER_TIMEOUT_MS = 12_000;
const PROBE_TIMEOUT_MS = 15_000;

let nextUid = 0;

// ---- the trap guard ------------------------------------------------------------------------
// Every event handler and every answer runs under it, so that a trap in the wasm module never
// escapes into the host page: the widget swaps itself for a notice with a reload button, and
// the page's own scripts keep running.

function unavailable(root, error) {
  if (root.dataset.maillintBroken) return;
  root.dataset.maillintBroken = "true";
  console.error("maillint: checking stopped", error);
  const notice = make(root.ownerDocument, null, "div", "maillint-unavailable", { role: "alert" });
  make(root.ownerDocument, notice, "p", "", {}, root.dataset.maillintUnavailable || "Checking is unavailable right now.");
  const button = make(root.ownerDocument, notice, "button", "", { type: "button" }, root.dataset.maillintReload || "Reload");
  button.addEventListener("click", () => location.reload());
  root.prepend(notice);
}

/** Runs `f` for the widget whose element is `root`, under the guard (an async `f` too: its promise's rejection is caught). */
function guarded(root, f) {
  if (root.dataset.maillintBroken) return;
  try {
    const result = f();
    if (result instanceof Promise) result.catch((error) => unavailable(root, error));
  } catch (error) {
    unavailable(root, error);
  }
}

// ---- texts ---------------------------------------------------------------------------------

/** A value a message quotes: at most 60 characters, a longer one cut with "…" (as the engine's messages). */
function quoted(value) {
  const chars = [...String(value)];
  return chars.length > 60 ? chars.slice(0, 60).join("") + "…" : String(value);
}

/** A template of the widget's words with its `{name}` slots filled from `args`. */
function fill(template, args) {
  return template.replace(/\{([^{}]*)\}/g, (slot, name) => (Object.hasOwn(args, name) ? args[name] : slot));
}

/** A text from the backend's answer, or "" (answers are read leniently: what is missing shows as empty), without U+0000. */
function str(value) {
  return typeof value === "string" ? value.replaceAll("\0", "") : "";
}

/** The findings of a backend answer, read leniently. */
function backendFindings(doc, parent, list) {
  if (!Array.isArray(list)) return;
  for (const f of list) parent.append(findingNode(doc, str(f?.code), str(f?.severity), str(f?.message), str(f?.help), false));
}

// ---- elements ------------------------------------------------------------------------------

/** A new `tag` element with a class (none when empty), attributes and text, appended to `parent` when given. */
function make(doc, parent, tag, className, attributes, text) {
  const element = doc.createElement(tag);
  if (className) element.className = className;
  for (const name in attributes) element.setAttribute(name, attributes[name]);
  if (text !== undefined) element.textContent = text;
  if (parent) parent.append(element);
  return element;
}

/** A finding as the form shows it; `fix` is the fix button's index and title, if any. */
function findingNode(doc, code, severity, message, help, parts, fix) {
  const attributes = parts ? { part: "finding" } : {};
  attributes["data-code"] = code;
  attributes["data-severity"] = severity;
  const item = make(doc, null, "div", "maillint-finding", attributes);
  make(doc, item, "p", "maillint-message", parts ? { part: "message" } : {}, message);
  if (help) make(doc, item, "p", "maillint-help", parts ? { part: "help" } : {}, help);
  if (fix) make(doc, item, "button", "maillint-fix", { part: "fix", type: "button", "data-fix": fix[0] }, fix[1]);
  return item;
}

/**
 * A JSON POST to the page's backend in the widget's language, given up after `timeoutMs`.
 * Resolves to the answer's JSON object, or to "timeout" (too slow) or "unreachable" (no
 * answer, an answer that is not a JSON object, or with `okOnly` one that is not 2xx).
 */
async function postJson(url, body, locale, timeoutMs, okOnly) {
  const full = url + (url.includes("?") ? "&" : "?") + "locale=" + encodeURIComponent(locale);
  try {
    const response = await fetch(full, {
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (okOnly && !response.ok) return "unreachable";
    const value = await response.json();
    return value !== null && typeof value === "object" ? value : "unreachable";
  } catch (e) {
    return e?.name === "TimeoutError" || e?.name === "AbortError" ? "timeout" : "unreachable";
  }
}

// ---- the widget ----------------------------------------------------------------------------

/** A mounted checker. `destroy()` removes every node and listener it added. */
class Widget {
  #core;
  #probeUrl;
  #discoverUrl;
  #onChange;
  #doc;
  #touched;
  #found;
  #removers;
  #probeGeneration;
  #timer;
  #root;
  #test;
  #controls;
  #labels;
  #messages;
  #discovery;
  #legends;
  #localeText;
  #localeSelect;
  #pasteLabel;
  #fixAllButton;
  #copy;
  #summaryLine;
  #probe;
  #ui;
  #tag;
  #lastReport;

  constructor(host, options) {
    const doc = host.ownerDocument;
    const lang = doc.documentElement?.getAttribute("lang");
    // Checks the options (a value of the wrong type is an Error naming it).
    this.#core = new WidgetCore(options, lang || navigator.language);
    const text = (name) => (typeof options?.[name] === "string" && options[name]) || null;
    this.#probeUrl = text("probeUrl");
    this.#discoverUrl = text("discoverUrl");
    this.#onChange = typeof options?.onChange === "function" ? options.onChange : null;
    this.#doc = doc;
    this.#touched = new Set();
    // What discovery answered, by domain.
    this.#found = new Map();
    this.#removers = [];
    this.#probeGeneration = 0;
    this.#timer = 0;
    this.#build(`maillint-${++nextUid}`);
    if (!this.#probeUrl) this.#test.setAttribute("hidden", "");
    host.append(this.#root);
    // Default: sending requires authentication, as at nearly every provider.
    this.#write("outgoing.auth", "true");
    this.#fill(this.#core.initial());
    this.#applyLocale();
    const listen = (target, type, handler) => {
      const wrapped = (event) =>
        guarded(this.#root, () => {
          const result = handler(event);
          this.#notify();
          return result;
        });
      target.addEventListener(type, wrapped);
      this.#removers.push(() => target.removeEventListener(type, wrapped));
    };
    const email = this.#controls.get("email");
    listen(this.#root, "input", (e) => this.#onInput(e));
    listen(this.#root, "click", (e) => this.#onClick(e));
    listen(email, "paste", (e) => this.#onPaste(e));
    listen(email, "input", () => this.#discoverLater());
    listen(email, "focusout", () => {
      clearTimeout(this.#timer);
      return this.#discover();
    });
  }

  /** Builds the form: one control per field, named by its path, each with a label and a region for its findings that the control's `aria-describedby` points at. */
  #build(uid) {
    const doc = this.#doc;
    const root = (this.#root = make(doc, null, "div", "maillint", {}));
    const bar = make(doc, root, "div", "maillint-bar", {});
    const localeLabel = make(doc, bar, "label", "maillint-locale", {});
    this.#localeText = make(doc, localeLabel, "span", "", {});
    this.#localeSelect = make(doc, localeLabel, "select", "maillint-locale-select", { name: "maillint-locale" });
    const form = make(doc, root, "form", "maillint-form", { novalidate: "", autocomplete: "off" });
    this.#controls = new Map();
    this.#labels = new Map();
    this.#messages = new Map();
    this.#discovery = null;
    this.#legends = [];
    let parent = form;
    let side = "email";
    for (const [path, kind] of FIELDS) {
      // The two fieldsets hold the incoming and the outgoing fields, in form order.
      const group = path.split(".")[0];
      if (group !== side) {
        side = group;
        parent = make(doc, form, "fieldset", "maillint-group", {});
        this.#legends.push(make(doc, parent, "legend", "", {}));
      }
      const row = this.#fieldRow(parent, uid, path, kind);
      if (path === "email") {
        this.#discovery = make(doc, row, "div", "maillint-discovery", { part: "discovery", "aria-live": "polite", hidden: "" });
      }
    }
    const pasteRow = make(doc, form, "div", "maillint-field maillint-paste", {});
    this.#pasteLabel = make(doc, pasteRow, "label", "maillint-label", { for: `${uid}-paste` });
    make(doc, pasteRow, "textarea", "maillint-input", { id: `${uid}-paste`, name: "maillint-paste", rows: "4" });
    const actions = make(doc, root, "div", "maillint-actions", { part: "actions" });
    const button = (className) => make(doc, actions, "button", className, { type: "button", part: "button" });
    this.#fixAllButton = button("maillint-fix-all");
    this.#test = button("maillint-test");
    this.#copy = button("maillint-copy");
    this.#summaryLine = make(doc, root, "p", "maillint-summary", { part: "summary", role: "status", "aria-live": "polite" });
    this.#probe = make(doc, root, "div", "maillint-probe", { "aria-live": "polite" });
  }

  #fieldRow(parent, uid, path, kind) {
    const doc = this.#doc;
    const checkbox = kind === "checkbox";
    const row = make(doc, parent, "div", checkbox ? "maillint-field maillint-field-checkbox" : "maillint-field", { "data-field": path, part: "field" });
    const id = `${uid}-${path.replaceAll(".", "-")}`;
    const label = make(doc, row, "label", "maillint-label", { for: id, part: "label" });
    let attributes = {};
    if (checkbox) attributes = { type: "checkbox" };
    else if (kind === "text" || kind === "port") {
      attributes = { type: "text", autocomplete: path === "email" ? "email" : "off", autocapitalize: "none", spellcheck: "false" };
      if (kind === "port") attributes.inputmode = "numeric";
      if (path === "email") attributes.inputmode = "email";
    }
    Object.assign(attributes, { id, name: path, part: "input", "aria-describedby": `${id}-messages` });
    const select = kind === "protocol" || kind === "security";
    // A checkbox sits inside its label, before the label's text.
    const control = make(doc, checkbox ? label : row, select ? "select" : "input", checkbox ? "maillint-checkbox" : "maillint-input", attributes);
    const options = kind === "protocol" ? [["", ""], ["imap", "IMAP"], ["pop3", "POP3"]]
      : kind === "security" ? [["", ""], ["tls", "SSL/TLS"], ["starttls", "STARTTLS"], ["none", ""]] : [];
    for (const [value, text] of options) make(doc, control, "option", "", { value }, text);
    this.#controls.set(path, control);
    this.#labels.set(path, checkbox ? make(doc, label, "span", "maillint-label-text", {}) : label);
    this.#messages.set(path, make(doc, row, "div", "maillint-messages", { id: `${id}-messages` }));
    return row;
  }

  /** The form's values, one text per field in the engine's order. */
  #values() {
    return FIELDS.map(([path, kind]) => {
      const control = this.#controls.get(path);
      return kind === "checkbox" ? String(control.checked) : control.value;
    });
  }

  /** Writes a value (already as the form shows it) into a control. */
  #write(path, value) {
    const control = this.#controls.get(path);
    if (!control) return;
    if (control.type === "checkbox") control.checked = value === "true";
    else control.value = value;
  }

  /** Writes path, value pairs into the form and marks their fields touched. */
  #fill(pairs) {
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      this.#write(pairs[i], pairs[i + 1]);
      this.#touched.add(pairs[i]);
    }
  }

  /** Writes labels and messages in the core's locale, keeping what was typed. */
  #applyLocale() {
    const ui = this.#core.words();
    const tag = ui[ui.length - 1];
    // After the interface texts: each field's label, "no encryption", the locales.
    let at = DISCOVERY_OAUTH + 1;
    for (const [path] of FIELDS) this.#labels.get(path).textContent = ui[at++];
    const none = ui[at++];
    if (!this.#localeSelect.options.length) {
      for (; at + 2 < ui.length; at += 2) make(this.#doc, this.#localeSelect, "option", "", { value: ui[at] }, ui[at + 1]);
    }
    this.#ui = ui;
    this.#tag = tag;
    this.#root.setAttribute("lang", tag);
    this.#legends[0].textContent = ui[INCOMING];
    this.#legends[1].textContent = ui[OUTGOING];
    this.#localeText.textContent = ui[LANGUAGE];
    this.#localeSelect.value = tag;
    this.#pasteLabel.textContent = ui[PASTE];
    this.#fixAllButton.textContent = ui[FIX_ALL];
    this.#test.textContent = ui[TEST_CONNECTION];
    this.#copy.textContent = ui[COPY_SUMMARY];
    // The drop-downs' words: the empty choice says "Choose…" (a dash is read aloud as
    // "dash"), and "no encryption" is in the customer's language.
    for (const path of ["incoming.protocol", "incoming.security", "outgoing.security"]) {
      const select = this.#controls.get(path);
      const empty = select.querySelector("option[value='']");
      if (empty) empty.textContent = ui[CHOOSE];
      const off = select.querySelector("option[value=none]");
      if (off) off.textContent = none;
    }
    this.#update();
  }

  /** Checks the form and shows the findings of the fields touched so far. */
  #update() {
    this.#lastReport = this.#core.check(this.#values());
    const doc = this.#doc;
    // A fix button that has the focus keeps it across the redraw (a late answer, such as
    // discovery's, redraws while the customer is on it).
    const active = this.#root.getRootNode().activeElement;
    let refocus = null;
    if (active?.classList.contains("maillint-fix") && this.#root.contains(active)) {
      const row = active.closest("[data-field]")?.getAttribute("data-field");
      const code = active.closest(".maillint-finding")?.getAttribute("data-code");
      if (row && code) refocus = `[data-field="${row}"] [data-code="${code}"] .maillint-fix`;
    }
    let problems = 0;
    const findings = this.#lastReport.findings;
    for (const [path] of FIELDS) {
      const box = this.#messages.get(path);
      box.textContent = "";
      let invalid = false;
      findings.forEach((f, index) => {
        if (f.field !== path || !this.#touched.has(path)) return;
        if (f.severity !== "info") problems++;
        invalid ||= f.severity === "error";
        box.append(findingNode(doc, f.code, f.severity, f.message, f.help, true, f.fix && [index, f.fix.title]));
      });
      const control = this.#controls.get(path);
      if (invalid) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
    // The plural form is the engine's to choose.
    this.#summaryLine.textContent = problems ? this.#core.problems(problems)
      : this.#touched.size ? this.#ui[NO_PROBLEMS] : "";
    if (refocus) this.#root.querySelector(refocus)?.focus();
    if (this.#nextSafeFix() >= 0) this.#fixAllButton.removeAttribute("disabled");
    else this.#fixAllButton.setAttribute("disabled", "");
    this.#root.dataset.maillintUnavailable = this.#ui[UNAVAILABLE];
    this.#root.dataset.maillintReload = this.#ui[RELOAD];
    this.#drawDiscovery();
  }

  /** Discovery's line under the address for the typed domain (hidden when it has nothing to say). */
  #drawDiscovery() {
    const line = this.#discovery;
    line.textContent = "";
    const found = this.#found.size ? this.#found.get(this.#core.domain()) : undefined;
    if (!found) {
      line.setAttribute("hidden", "");
      return;
    }
    line.removeAttribute("hidden");
    const ui = this.#ui;
    const domain = quoted(found.domain);
    let text;
    if (!found.answer) text = fill(ui[DISCOVERY_FAILED], { domain });
    else if (typeof found.answer.provider?.name === "string" && typeof found.answer.provider?.source === "string") {
      const from = found.answer.provider.source;
      const source = ["autoconfig", "well-known", "mx-autoconfig"].includes(from) ? ui[SOURCE_AUTOCONFIG]
        : ["ispdb", "mx-ispdb"].includes(from) ? ui[SOURCE_ISPDB] : from === "srv" ? ui[SOURCE_SRV] : ui[SOURCE_MX];
      text = fill(ui[DISCOVERY_FOUND], { domain, provider: quoted(found.answer.provider.name), source: quoted(source) });
      // A sentence after a Latin full stop takes a space; after 。 none.
      if (found.answer.provider.oauth === true) text += (text.endsWith(".") ? " " : "") + ui[DISCOVERY_OAUTH];
    } else text = fill(ui[DISCOVERY_NO_PROVIDER], { domain });
    make(this.#doc, line, "p", "maillint-discovery-text", {}, text);
    backendFindings(this.#doc, line, found.answer?.findings);
  }

  /** The settings as typed and each finding, as plain text in the widget's language, for a ticket or a chat with support (the form has no password field, so none is in it). */
  #summaryText() {
    const ui = this.#ui;
    const line = (path, value) => fill(ui[SUMMARY_LINE], { field: this.#labels.get(path).textContent, value: quoted(value) });
    let out = ui[SUMMARY_TITLE] + "\n";
    const values = this.#values();
    FIELDS.forEach(([path, kind], i) => {
      let value = values[i];
      if (!value) return;
      // Choices by the names the form shows, not the engine's values.
      if (kind === "checkbox") value = value === "true" ? ui[YES] : ui[NO];
      else if (kind === "security" || kind === "protocol") value = this.#controls.get(path).selectedOptions[0]?.textContent ?? value;
      out += line(path, value) + "\n";
    });
    out += "\n" + ui[SUMMARY_FINDINGS] + "\n";
    const findings = this.#lastReport.findings;
    if (!findings.length) out += ui[NO_PROBLEMS] + "\n";
    for (const f of findings) out += "- " + line(f.field, f.message) + "\n";
    return out;
  }

  #notify() {
    if (!this.#onChange || !this.#core) return;
    try {
      this.#onChange(this.#core.report());
    } catch (error) {
      console.error(error);
    }
  }

  #onInput(event) {
    const target = event.target;
    const name = target?.getAttribute?.("name");
    if (name === "maillint-locale") {
      this.#core.setLocale(target.value);
      return this.#applyLocale();
    }
    if (name === "maillint-paste") this.#fill(this.#core.pasted(target.value));
    else if (this.#controls.has(name)) this.#touched.add(name);
    this.#update();
  }

  #onPaste(event) {
    const text = event.clipboardData?.getData("text");
    // A whole block of settings pasted into the address field fills the form.
    if (typeof text !== "string" || !text.trim().includes("\n")) return;
    event.preventDefault();
    this.#fill(this.#core.pasted(text));
    this.#update();
  }

  #onClick(event) {
    const button = event.target?.closest?.("button");
    if (!button) return;
    const fix = button.getAttribute("data-fix");
    if (fix !== null) return this.#fixOne(Number(fix));
    if (button === this.#fixAllButton) return this.#fixAll();
    if (button === this.#test) return this.#startProbe();
    if (button === this.#copy) return this.#copySummary();
  }

  #fixOne(index) {
    const field = this.#lastReport.findings[index]?.field;
    this.#fill(this.#core.fix(index));
    this.#update();
    // The fix button is gone with its finding: focus goes to the field it fixed.
    this.#controls.get(field)?.focus();
  }

  /** The finding whose fix "Fix all" applies next (an error's: errors are never a matter of taste), or -1. */
  #nextSafeFix() {
    return this.#lastReport.findings.findIndex((f) => f.severity === "error" && f.fix);
  }

  #fixAll() {
    // One fix can uncover the next (a comma fixed shows a misspelt domain): a few rounds.
    for (let round = 0; round < 8; round++) {
      const index = this.#nextSafeFix();
      const edits = index < 0 ? [] : this.#core.fix(index);
      if (!edits.length) break;
      this.#fill(edits);
      this.#update();
    }
  }

  #copySummary() {
    const copied = this.#ui[COPIED];
    navigator.clipboard.writeText(this.#summaryText()).then(
      () => {
        this.#copy.textContent = copied;
        this.#copy.dataset.copied = "true";
      },
      (error) => console.error("maillint: copy", error),
    );
  }

  /** Tests both servers, one after the other; a new click supersedes the previous test. */
  async #startProbe() {
    if (!this.#probeUrl) return;
    const requests = this.#core.probeRequests(this.#values());
    const generation = ++this.#probeGeneration;
    const ui = this.#ui;
    this.#probe.textContent = "";
    if (!requests.length) {
      this.#probe.textContent = ui[PROBE_NEEDS_SERVER];
      return;
    }
    this.#test.setAttribute("disabled", "");
    this.#test.setAttribute("aria-busy", "true");
    this.#test.textContent = ui[TESTING];
    for (let i = 0; i + 3 < requests.length; i += 4) {
      const [host, port, protocol, security] = requests.slice(i, i + 4);
      const body = JSON.stringify({ host, port, protocol, security });
      const answer = await postJson(this.#probeUrl, body, this.#tag, PROBE_TIMEOUT_MS, false);
      if (!this.#core) return;
      guarded(this.#root, () => this.#showProbe(generation, `${host}:${port}`, answer));
    }
    if (this.#core && generation === this.#probeGeneration) {
      this.#test.removeAttribute("disabled");
      this.#test.removeAttribute("aria-busy");
      this.#test.textContent = this.#ui[TEST_CONNECTION];
    }
  }

  #showProbe(generation, server, answer) {
    if (generation !== this.#probeGeneration) return;
    const doc = this.#doc;
    const ui = this.#ui;
    const answered = typeof answer === "object";
    const ok = answered && answer.ok === true;
    const block = make(doc, null, "div", "maillint-probe-result", { "data-ok": String(ok) });
    if (answered) {
      make(doc, block, "p", "maillint-probe-head", {}, fill(ok ? ui[PROBE_OK] : ui[PROBE_FAILED], { server: quoted(server) }));
      const list = make(doc, block, "ul", "maillint-steps", {});
      for (const step of Array.isArray(answer.steps) ? answer.steps : []) {
        const passed = step?.ok === true;
        const ms = Number.isFinite(step?.ms) ? Math.trunc(Math.min(Math.max(step.ms, 0), 1e9)) : 0;
        // The server names the step and its detail in the request's language.
        const text = fill(ui[STEP_LINE], {
          mark: passed ? "✓" : "✗",
          step: quoted(typeof step?.label === "string" ? str(step.label) : str(step?.step)),
          detail: quoted(str(step?.detail)),
          ms: String(ms),
        });
        make(doc, list, "li", "maillint-step", { "data-step": str(step?.step), "data-ok": String(passed) }, text);
      }
      backendFindings(doc, block, answer.findings);
      if (answer.finding !== null && typeof answer.finding === "object") backendFindings(doc, block, [answer.finding]);
    } else {
      make(doc, block, "p", "maillint-probe-head", { role: "alert" }, answer === "timeout" ? ui[PROBE_TIMEOUT] : ui[PROBE_UNREACHABLE]);
    }
    this.#probe.append(block);
  }

  /** The address changed: asks after a pause (a newer change restarts the pause). */
  #discoverLater() {
    if (!this.#discoverUrl) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => guarded(this.#root, () => this.#discover()), PAUSE_MS);
  }

  /** Asks about the typed domain, once per domain per page; only the domain leaves the browser. */
  async #discover() {
    if (!this.#discoverUrl || !this.#core) return;
    const domain = this.#core.ask(this.#values());
    if (!domain) return;
    const answer = await postJson(this.#discoverUrl, JSON.stringify({ domain }), this.#tag, DISCOVER_TIMEOUT_MS, true);
    if (!this.#core) return;
    guarded(this.#root, () => {
      const value = typeof answer === "object" ? answer : null;
      this.#found.set(domain, { domain, answer: value });
      // Only a profile changes the findings; otherwise the line alone is drawn.
      if (this.#core.answer(domain, value?.profile)) this.#update();
      else this.#drawDiscovery();
      this.#notify();
    });
  }

  #destroyForm() {
    if (!this.#core) return;
    for (const remove of this.#removers) remove();
    clearTimeout(this.#timer);
    this.#root.remove();
    this.#core.free();
    this.#core = null;
  }

  /** The settings as currently typed. */
  settings() {
    return this.#live().settings();
  }

  /** The latest report: every finding, touched fields or not. */
  report() {
    return this.#live().report();
  }

  /** The settings as typed and each finding, as plain text in the widget's language (what "Copy summary" puts on the clipboard). */
  summary() {
    this.#live();
    return this.#summaryText();
  }

  /** Switches labels and messages to another locale, keeping what was typed. */
  setLocale(locale) {
    if (typeof locale !== "string") throw new TypeError("maillint: setLocale takes a language tag");
    if (!this.#core) return;
    guarded(this.#root, () => {
      this.#core.setLocale(locale);
      this.#applyLocale();
    });
  }

  /** Removes every node and listener the widget added. Calling it twice does nothing. */
  destroy() {
    this.#destroyForm();
  }

  /** The same as `destroy()` (the name earlier versions had for releasing the widget's memory). */
  free() {
    this.#destroyForm();
  }

  /** For tests of a page's safety net: makes this widget's next check trap the module on purpose, as a bug would. */
  simulateTrap() {
    this.#core?.simulateTrap();
  }

  #live() {
    if (!this.#core) throw new Error("maillint: the widget was destroyed");
    return this.#core;
  }
}

/** Mounts the checker inside `element`: a form that checks itself as the customer types. */
export function mount(element, options) {
  if (typeof HTMLElement === "undefined" || !(element instanceof HTMLElement)) throw new TypeError("maillint: mount takes an HTML element");
  return new Widget(element, options);
}

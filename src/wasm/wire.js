// The JavaScript side of src/wasm/wire.rs, the one module that converts between JavaScript
// values and the engine's types, kept in step with it: `check`'s arguments and its report,
// which cross on every keystroke, a profile object, and a config-v1.1.xml read by the
// browser's DOMParser, each as one string. Every call across the boundary costs about as
// much as a rule: reading the fourteen arguments one call at a time was a third of a check's
// time, and a JSON report (written, decoded, parsed) another third.
//
// A string is a list of entries separated by U+0000. Inside an entry U+0000 is written
// U+0001 "0" and U+0001 is written U+0001 "1", so any text passes unchanged.

const ESCAPE = "\u0001";

function escape(text) {
  if (!text.includes("\0") && !text.includes(ESCAPE)) return text;
  return text.replaceAll(ESCAPE, ESCAPE + "1").replaceAll("\0", ESCAPE + "0");
}

// Whether the report being read has any escaped entry (its last entry says).
let escaped = true;

function unescape(text) {
  if (!escaped || !text.includes(ESCAPE)) return text;
  return text.replace(/\u0001([01])/g, (_, c) => (c === "0" ? "\0" : ESCAPE));
}

const WANTS = {
  object: "an object", text: "text", port: "a number or text", boolean: "true or false",
  number: "a number", array: "an array",
};

function wrong(path, kind) {
  return new TypeError(`maillint: ${path} must be ${WANTS[kind]}`);
}

function absent(v) {
  return v === undefined || v === null;
}

function object(v, path) {
  if (absent(v)) return undefined;
  if (typeof v === "object" && !Array.isArray(v)) return v;
  throw wrong(path, "object");
}

// An argument's entry: empty when absent, else "=" and the value.
function entry(v, kind, path) {
  if (absent(v)) return "";
  if (kind === "boolean") {
    if (typeof v !== "boolean") throw wrong(path, kind);
    return v ? "=1" : "=0";
  }
  // A number as JavaScript writes it: the port rules see `993.5` or `1e+21` as typed.
  if (kind === "port" && typeof v === "number") return "=" + String(v);
  if (typeof v !== "string") throw wrong(path, kind);
  return "=" + escape(v);
}

// `check`'s arguments in the order of src/wasm/wire.rs: where each is read (0 the settings,
// 1 incoming, 2 outgoing, 3 the options), its key, its kind and its path for errors.
const ARGUMENTS = [
  [0, "email", "text", "settings.email"],
  [1, "protocol", "text", "settings.incoming.protocol"],
  [1, "host", "text", "settings.incoming.host"],
  [1, "port", "port", "settings.incoming.port"],
  [1, "security", "text", "settings.incoming.security"],
  [1, "username", "text", "settings.incoming.username"],
  [2, "host", "text", "settings.outgoing.host"],
  [2, "port", "port", "settings.outgoing.port"],
  [2, "security", "text", "settings.outgoing.security"],
  [2, "username", "text", "settings.outgoing.username"],
  [2, "auth", "boolean", "settings.outgoing.auth"],
  [3, "locale", "text", "options.locale"],
  [3, "complete", "boolean", "options.complete"],
  [3, "today", "text", "options.today"],
];

/** `check`'s arguments: the settings, then `locale`, `complete` and whether a profile is given. */
export function readCheckInput(settings, options) {
  const s = object(settings, "settings") ?? {};
  const incoming = object(s.incoming, "settings.incoming") ?? {};
  const outgoing = object(s.outgoing, "settings.outgoing") ?? {};
  const opt = object(options, "options") ?? {};
  const from = [s, incoming, outgoing, opt];
  const out = new Array(ARGUMENTS.length + 1);
  for (let k = 0; k < ARGUMENTS.length; k++) {
    const [where, key, kind, path] = ARGUMENTS[k];
    out[k] = entry(from[where][key], kind, path);
  }
  out[ARGUMENTS.length] = absent(opt.profile) ? "" : "=1";
  return out.join("\0");
}

// A profile object's entries, in the order `profile_object` in src/wasm/wire.rs reads them:
// the domains (their number, then each), displayName, the incoming servers and the outgoing
// ones (their number, then six entries each: type, hostname, port, socketType, username,
// authentication), notOffered (its number, then each). A value is an argument's entry
// (empty when absent, else "=" and the value); a port number is written as JavaScript
// writes it.
const SERVER_KEYS = [["type", "text"], ["hostname", "text"], ["port", "number"], ["socketType", "text"], ["username", "text"], ["authentication", "text"]];

function list(v, path, each) {
  if (absent(v)) return ["0"];
  if (!Array.isArray(v)) throw wrong(path, "array");
  return [String(v.length), ...v.flatMap((x, i) => each(x, `${path}[${i}]`))];
}

function required(v, path) {
  if (typeof v !== "string") throw wrong(path, "text");
  return entry(v, "text", path);
}

function server(v, path) {
  const s = object(v, path);
  if (s === undefined) throw wrong(path, "object");
  return SERVER_KEYS.map(([key, kind]) => {
    const x = s[key];
    if (kind === "number" && !absent(x)) {
      if (typeof x !== "number") throw wrong(`${path}.${key}`, kind);
      return "=" + String(x);
    }
    return entry(x, "text", `${path}.${key}`);
  });
}

/** A profile object (`ProviderProfile`) read and type-checked, as entries. */
export function readProfileObject(p) {
  return [
    ...list(p.domains, "profile.domains", (d, path) => [required(d, path)]),
    entry(p.displayName, "text", "profile.displayName"),
    ...list(p.incoming, "profile.incoming", server),
    ...list(p.outgoing, "profile.outgoing", server),
    ...list(p.notOffered, "profile.notOffered", (d, path) => [required(d, path)]),
  ].join("\0");
}

// The catalogue's help texts given so far, by their name ("1/0": the positions of a locale
// and a code). This is
// the only state of the report's format, and a name always means the same text, so a report
// never depends on the calls before it.
const kept = new Map();

// A help entry: empty for none, "=text" (a text with values filled in) or "#name" (the
// catalogue's own text of a code in a locale, asked of the engine through `source` once).
function readHelp(e, source) {
  if (e === "") return undefined;
  if (e[0] === "=") return unescape(e.slice(1));
  const name = e.slice(1);
  let text = kept.get(name);
  if (text === undefined) {
    text = source(name);
    kept.set(name, text);
  }
  return text;
}

/**
 * A report from its entries: `ok` ("1" or "0") and the number of findings, then per finding
 * code, severity, field, message, help (see readHelp; `source` gives a catalogue help text
 * by its name), fix title and the number of edits
 * (0 for no fix), then per edit its field and value, the value marked "t" (text), "n" (a
 * number) or "b" (true or false), and last whether any entry is escaped ("1" or "0").
 */
export function buildReport(text, source) {
  const p = text.split("\0");
  let i = 0;
  escaped = p[p.length - 1] !== "0";
  const ok = p[i++] === "1";
  const count = Number(p[i++]);
  const findings = [];
  for (let k = 0; k < count; k++) {
    const finding = { code: p[i++], severity: p[i++], field: p[i++], message: unescape(p[i++]) };
    const help = readHelp(p[i++], source);
    if (help !== undefined) finding.help = help;
    const title = p[i++];
    const edits = Number(p[i++]);
    if (edits > 0) {
      const list = [];
      for (let e = 0; e < edits; e++) {
        const field = p[i++];
        const v = p[i++];
        const value = v[0] === "n" ? Number(v.slice(1)) : v[0] === "b" ? v === "b1" : unescape(v.slice(1));
        list.push({ field, value });
      }
      finding.fix = { title: unescape(title), edits: list };
    }
    findings.push(finding);
  }
  return { ok, findings };
}

// ---- config-v1.1.xml ---------------------------------------------------------------------
// The package's XML reader for config-v1.1.xml: the browser's own DOMParser, so the wasm
// carries no XML parser (the engine's native build reads with roxmltree; both give the
// outlines in tests/profile_xml.json). The engine has refused DTDs and counted the elements
// before this runs (src/profile/start_tags.rs), and turns each element's place in document
// order into its line.
//
// The answer is one string of entries separated by U+0000, which XML text cannot contain:
// "malformed" and the parser's description; "error" and why the browser could not read it;
// or "ok", the root's local name, then five entries for <emailProvider>
// (depth 0), each of its child elements (depth 1) and each of theirs (depth 2): depth,
// local name, the type attribute, the place in document order, the element's own text.

function ownText(element) {
  let text = "";
  for (const node of element.childNodes) {
    // Text and CDATA sections; comments and processing instructions are not text.
    if (node.nodeType === 3 || node.nodeType === 4) text += node.data;
  }
  return text;
}

export function readXml(text) {
  if (typeof DOMParser === "undefined") {
    return "error\0this JavaScript runtime has no DOMParser to read XML with (give the profile as an object instead)";
  }
  // Nothing may throw through the wasm module: a page whose Trusted Types policy guards
  // DOMParser, for one, refuses the call.
  try {
    return outline(new DOMParser().parseFromString(text, "application/xml"));
  } catch (e) {
    return "error\0the page did not let the browser read the profile's XML (" + (e?.message || String(e)) + "); give the profile as an object instead";
  }
}

function outline(doc) {
  // A document that is not well-formed comes back with a <parsererror> in the browser's
  // own namespace (Chromium: XHTML, Firefox: its parsererror namespace); one without a
  // namespace would be the profile's own element.
  for (const error of doc.getElementsByTagNameNS("*", "parsererror")) {
    if (!error.namespaceURI) continue;
    const detail = (error.querySelector("div") ?? error).textContent.trim().split("\n")[0];
    return "malformed\0" + (detail || "the browser could not read it");
  }
  const root = doc.documentElement;
  const order = new Map();
  const all = doc.getElementsByTagName("*");
  for (let i = 0; i < all.length; i++) order.set(all[i], i);
  const out = ["ok", root.localName];
  const add = (element, depth) =>
    out.push(depth, element.localName, element.getAttribute("type") ?? "", order.get(element), ownText(element));
  const provider = [...root.children].find((e) => e.localName === "emailProvider");
  if (provider) {
    add(provider, 0);
    for (const child of provider.children) {
      add(child, 1);
      for (const grandchild of child.children) add(grandchild, 2);
    }
  }
  return out.join("\0");
}

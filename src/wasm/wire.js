// The two values that cross between JavaScript and the engine on every keystroke, `check`'s
// arguments and its report, each as one string. Every call across the boundary costs about
// as much as a rule: reading the fourteen arguments one call at a time was a third of a
// check's time, and a JSON report (written, decoded, parsed) another third. Kept in step
// with src/wasm/wire.rs.
//
// A string is a list of entries separated by U+0000. Inside an entry U+0000 is written
// U+0001 "0" and U+0001 is written U+0001 "1", so any text passes unchanged.

const ESCAPE = "\u0001";

function escape(text) {
  if (!text.includes("\0") && !text.includes(ESCAPE)) return text;
  return text.replaceAll(ESCAPE, ESCAPE + "1").replaceAll("\0", ESCAPE + "0");
}

function unescape(text) {
  if (!text.includes(ESCAPE)) return text;
  return text.replace(/\u0001([01])/g, (_, c) => (c === "0" ? "\0" : ESCAPE));
}

const WANTS = { object: "an object", text: "text", port: "a number or text", boolean: "true or false" };

function wrong(path, kind) {
  return new Error(`maillint: ${path} must be ${WANTS[kind]}`);
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

/** `check`'s arguments: the settings, then `locale`, `complete` and whether a profile is given. */
export function readCheckInput(settings, options) {
  const s = object(settings, "settings") ?? {};
  const i = object(s.incoming, "settings.incoming") ?? {};
  const o = object(s.outgoing, "settings.outgoing") ?? {};
  const opt = object(options, "options") ?? {};
  // In the order of src/wasm/wire.rs.
  return [
    entry(s.email, "text", "settings.email"),
    entry(i.protocol, "text", "settings.incoming.protocol"),
    entry(i.host, "text", "settings.incoming.host"),
    entry(i.port, "port", "settings.incoming.port"),
    entry(i.security, "text", "settings.incoming.security"),
    entry(i.username, "text", "settings.incoming.username"),
    entry(o.host, "text", "settings.outgoing.host"),
    entry(o.port, "port", "settings.outgoing.port"),
    entry(o.security, "text", "settings.outgoing.security"),
    entry(o.username, "text", "settings.outgoing.username"),
    entry(o.auth, "boolean", "settings.outgoing.auth"),
    entry(opt.locale, "text", "options.locale"),
    entry(opt.complete, "boolean", "options.complete"),
    absent(opt.profile) ? "" : "=1",
  ].join("\0");
}

/**
 * A report from its entries: `ok` ("1" or "0") and the number of findings, then per finding
 * code, severity, field, message, help (empty for none), fix title and the number of edits
 * (0 for no fix), then per edit its field and value, the value marked "t" (text), "n" (a
 * number) or "b" (true or false).
 */
export function buildReport(text) {
  const p = text.split("\0");
  let i = 0;
  const ok = p[i++] === "1";
  const count = Number(p[i++]);
  const findings = [];
  for (let k = 0; k < count; k++) {
    const finding = { code: p[i++], severity: p[i++], field: p[i++], message: unescape(p[i++]) };
    const help = p[i++];
    if (help) finding.help = unescape(help);
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

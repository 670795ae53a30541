// The sample support page: checks the form on every input with maillint's JS API.
import init, { check, parseSettings } from "../pkg/maillint.js";

await init();

const form = document.getElementById("settings");
const list = document.getElementById("findings");
const summary = document.getElementById("summary");
const locale = document.getElementById("locale");
const touched = new Set();

function settings() {
  const value = (name) => form.elements[name].value;
  return {
    email: value("email"),
    incoming: {
      protocol: value("incoming.protocol"), host: value("incoming.host"), port: value("incoming.port"),
      security: value("incoming.security"), username: value("incoming.username"),
    },
    outgoing: {
      host: value("outgoing.host"), port: value("outgoing.port"), security: value("outgoing.security"),
      username: value("outgoing.username"), auth: form.elements["outgoing.auth"].checked,
    },
  };
}

function setField(field, value) {
  const input = form.elements[field];
  if (!input) return;
  if (input.type === "checkbox") input.checked = Boolean(value);
  else input.value = String(value);
  touched.add(field);
}

function render() {
  const report = check(settings(), { locale: locale.value });
  // Nothing nags a field the customer has not touched yet.
  const shown = report.findings.filter((f) => touched.has(f.field));
  list.replaceChildren(...shown.map((f) => {
    const item = document.createElement("li");
    item.dataset.code = f.code;
    item.dataset.severity = f.severity;
    item.dataset.field = f.field;
    const message = document.createElement("div");
    message.textContent = f.message;
    item.append(message);
    if (f.help) {
      const help = document.createElement("div");
      help.className = "help";
      help.textContent = f.help;
      item.append(help);
    }
    if (f.fix) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = f.fix.title;
      button.addEventListener("click", () => {
        for (const edit of f.fix.edits) setField(edit.field, edit.value);
        render();
        form.elements[f.field]?.focus();
      });
      item.append(button);
    }
    return item;
  }));
  summary.textContent = shown.length === 0 ? "" : `${shown.length} problem(s) found`;
}

form.addEventListener("input", (event) => {
  if (event.target.name) touched.add(event.target.name);
  if (event.target.id === "paste") {
    const parsed = parseSettings(event.target.value);
    for (const [side, values] of Object.entries({ email: parsed.email, ...parsed })) {
      if (side === "email") { if (values) setField("email", values); continue; }
      for (const [key, value] of Object.entries(values ?? {})) setField(`${side}.${key}`, value);
    }
  }
  render();
});
locale.addEventListener("change", render);
render();

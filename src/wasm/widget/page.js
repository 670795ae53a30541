// What the widget does in JavaScript, in one module (each snippet file is one more module
// for the page, and for the test harness, to load): the trap guard around its event
// handlers, building an element in one call, and the POST to the page's backend.

// ---- the trap guard ------------------------------------------------------------------------
// Runs the widget's event handlers so that a trap in the wasm module never escapes into the
// host page: the widget swaps itself for a notice with a reload button, and the page's own
// scripts keep running. Kept in JavaScript because a trapped module cannot catch its own trap.

function unavailable(root, error) {
  if (root.dataset.maillintBroken) return;
  root.dataset.maillintBroken = "true";
  console.error("maillint: checking stopped", error);
  const notice = document.createElement("div");
  notice.className = "maillint-unavailable";
  notice.setAttribute("role", "alert");
  const text = document.createElement("p");
  text.textContent = root.dataset.maillintUnavailable || "Checking is unavailable right now.";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = root.dataset.maillintReload || "Reload";
  button.addEventListener("click", () => location.reload());
  notice.append(text, button);
  root.prepend(notice);
}

/** Adds a guarded listener; returns the function that removes it. */
export function listen(target, type, handler, root) {
  const wrapped = (event) => {
    if (root.dataset.maillintBroken) return;
    try {
      handler(event);
    } catch (error) {
      unavailable(root, error);
    }
  };
  target.addEventListener(type, wrapped);
  return () => target.removeEventListener(type, wrapped);
}

// ---- elements ------------------------------------------------------------------------------
// Builds the widget's elements: one call from the wasm module per element (tag, class,
// attributes, text and where it goes) instead of one per step, which keeps the module's
// code and its JS glue small. Nothing here throws for the names and values the widget uses.

/**
 * A new `tag` element of `doc` with `className` (none when empty), the attributes in `attributes`
 * (name, value, name, value, … separated by U+0000; none when empty) and `text` as its
 * text (none when undefined), appended to `parent` when there is one.
 */
export function make(doc, parent, tag, className, attributes, text) {
  const element = doc.createElement(tag);
  if (className) element.className = className;
  if (attributes) {
    const list = attributes.split("\0");
    for (let i = 0; i + 1 < list.length; i += 2) element.setAttribute(list[i], list[i + 1]);
  }
  if (text !== undefined) element.textContent = text;
  if (parent) parent.append(element);
  return element;
}

// ---- controls --------------------------------------------------------------------------
// Reading and writing the form's controls the same way for inputs, drop-downs, the paste
// box and the checkbox, in one call each.

/** A control's value: "true" or "false" for a checkbox, else its text. */
export function valueOf(control) {
  return control.type === "checkbox" ? String(control.checked) : String(control.value ?? "");
}

/** Writes a control's value; a checkbox is ticked by "true". */
export function setValue(control, value) {
  if (control.type === "checkbox") control.checked = value === "true";
  else control.value = value;
}

/** Moves the focus to `element`. */
export function focus(element) {
  element.focus();
}

/** The text a paste event carries, if any. */
export function pastedText(event) {
  return event.clipboardData?.getData("text");
}

// ---- the page's backend and the clipboard ------------------------------------------------
// What the widget waits for, each handing its result to a callback from the wasm module,
// run under the same guard as the event handlers.

/** Runs `done(value)` for the widget whose element is `root`, under the trap guard. */
function settle(root, done, value) {
  if (root.dataset.maillintBroken) return;
  try {
    done(value);
  } catch (error) {
    unavailable(root, error);
  }
}

/**
 * A JSON POST to the page's backend ("Test connection" and discovery) in the widget's
 * language, given up after `timeoutMs`. Calls `done` once with the answer's JSON object, or
 * with "timeout" (too slow) or "unreachable" (no answer, an answer that is not a JSON object,
 * or with `okOnly` one that is not 2xx).
 */
export async function postJson(url, body, locale, timeoutMs, okOnly, root, done) {
  const full = url + (url.includes("?") ? "&" : "?") + "locale=" + encodeURIComponent(locale);
  let result = "unreachable";
  try {
    const response = await fetch(full, {
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!okOnly || response.ok) {
      const value = await response.json();
      if (value !== null && typeof value === "object") result = value;
    }
  } catch (e) {
    if (e?.name === "TimeoutError" || e?.name === "AbortError") result = "timeout";
  }
  settle(root, done, result);
}

/** Puts `text` on the clipboard and calls `done()` once it is there. */
export function copyText(text, root, done) {
  navigator.clipboard.writeText(text).then(
    () => settle(root, done),
    (error) => console.error("maillint: copy", error),
  );
}

// The trap guard: every function the widget hands the browser (its event listeners, its
// timer, the callbacks of its requests and of the clipboard) runs through it, so that a trap
// in the wasm module never escapes into the host page: the widget swaps itself for a notice
// with a reload button, and the page's own scripts keep running. In JavaScript because a
// trapped module cannot catch its own trap.

function unavailable(root, error) {
  if (root.dataset.maillintBroken) return;
  root.dataset.maillintBroken = "true";
  console.error("maillint: checking stopped", error);
  const doc = root.ownerDocument;
  const notice = doc.createElement("div");
  notice.className = "maillint-unavailable";
  notice.setAttribute("role", "alert");
  const text = doc.createElement("p");
  // The words in the widget's language, left on the element by the module while it worked.
  text.textContent = root.dataset.maillintUnavailable || "Checking is unavailable right now.";
  const button = doc.createElement("button");
  button.type = "button";
  button.textContent = root.dataset.maillintReload || "Reload";
  button.addEventListener("click", () => location.reload());
  notice.append(text, button);
  root.prepend(notice);
}

/** `f` for the widget whose element is `root`, run under the guard: once it has trapped, nothing more runs. */
export function guarded(root, f) {
  return (...args) => {
    if (root.dataset.maillintBroken) return undefined;
    try {
      return f(...args);
    } catch (error) {
      unavailable(root, error);
      return undefined;
    }
  };
}

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

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

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

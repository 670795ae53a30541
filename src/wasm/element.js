// maillint/element: registers <mail-settings-check> and starts the module itself, so a page
// needs one script tag and the element, no init() call. The checker renders in a shadow root
// with its own stylesheet, carried in this file (a constructed stylesheet: no request of its
// own, no flash of an unstyled form, nothing a bundler must copy and nothing a strict CSP
// blocks): the host page's CSS cannot break it and its CSS cannot leak out. Importing it
// where there is no DOM (server-side rendering) does nothing. Built into pkg/ beside
// maillint.js by scripts/build-wasm.sh, which also writes `element-style.js`; built a second
// time as element-inline.js, with the .wasm carried in JavaScript (wasm-source-inline.js).
import css from "./element-style.js";
import { wasmSource } from "./wasm-source.js";

const ATTRIBUTES = ["locale", "probe-url", "discover-url", "profile-url", "complete"];
const browser = typeof window !== "undefined" && typeof HTMLElement !== "undefined";

// The module starts loading at once, the .wasm fetched beside the glue rather than after it
// (one round trip fewer); each element mounts when it is ready.
let mount;
async function start() {
  const wasm = wasmSource();
  // The glue alone, not maillint.js, which carries English's texts: each widget loads the
  // language it shows, so a page in Chinese loads no English. (A page that also imports
  // maillint.js runs a second instance of the module there.)
  const glue = await import("./maillint-core.js");
  await glue.default({ module_or_path: wasm });
  mount = glue.mount;
}
const ready = browser ? start() : undefined;

let sheet;
/** The stylesheet, made once and shared by every element of the page. */
function styles(root) {
  if (typeof CSSStyleSheet === "function" && "adoptedStyleSheets" in root) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement("style");
    style.textContent = css;
    root.append(style);
  }
}

class MailSettingsCheck extends (browser ? HTMLElement : class {}) {
  static observedAttributes = ATTRIBUTES;

  #box;
  #widget;
  #profile;
  #generation = 0;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    styles(root);
    this.#box = document.createElement("div");
    this.#box.setAttribute("part", "checker");
    root.append(this.#box);
  }

  /** The mounted widget (settings(), report(), setLocale(), summary()). */
  get widget() {
    return this.#widget;
  }

  /** The page's own provider, as `mount()` takes it: a profile object or the text of a config-v1.1.xml. It wins over `profile-url`. */
  get profile() {
    return this.#profile;
  }

  set profile(value) {
    this.#profile = value ?? undefined;
    if (this.isConnected) this.#mount();
  }

  connectedCallback() {
    if (!this.#widget) this.#mount();
  }

  disconnectedCallback() {
    this.#generation++;
    this.#widget?.destroy();
    this.#widget = undefined;
  }

  attributeChangedCallback(name, before, after) {
    if (!this.isConnected || !this.#widget || before === after) return;
    if (name === "locale") {
      try {
        this.#widget.setLocale(after ?? "");
      } catch (error) {
        console.error("maillint: locale", error);
      }
      return;
    }
    // Any other change remounts with the new options, keeping what was typed.
    this.#mount();
  }

  /** Tells the page: after every check (typing, a fix, Fix all, a paste, an answer). */
  #changed(report) {
    let settings;
    try {
      settings = this.#widget?.settings();
    } catch {
      settings = undefined;
    }
    this.dispatchEvent(new CustomEvent("maillint-change", { bubbles: true, composed: true, detail: { report, settings } }));
  }

  async #mount() {
    const generation = ++this.#generation;
    const options = { onChange: (report) => this.#changed(report) };
    const locale = this.getAttribute("locale");
    const probeUrl = this.getAttribute("probe-url");
    const discoverUrl = this.getAttribute("discover-url");
    const profileUrl = this.getAttribute("profile-url");
    if (locale) options.locale = locale;
    if (probeUrl) options.probeUrl = probeUrl;
    if (discoverUrl) options.discoverUrl = discoverUrl;
    if (this.hasAttribute("complete")) options.complete = true;
    if (this.#profile !== undefined) options.profile = this.#profile;
    else if (profileUrl) {
      try {
        const response = await fetch(profileUrl);
        if (response.ok) options.profile = await response.text();
        else console.error(`maillint: profile-url answered ${response.status}`);
      } catch (error) {
        console.error("maillint: profile-url could not be fetched", error);
      }
    }
    try {
      await ready;
    } catch (error) {
      // The module could not load: say so where the form would be (and give back its room).
      console.error("maillint: the module could not load", error);
      this.#box.textContent = "Checking is unavailable right now.";
      return;
    }
    // The element was removed or changed again meanwhile.
    if (generation !== this.#generation) return;
    let initial;
    if (this.#widget) {
      try {
        initial = this.#widget.settings();
      } catch {
        initial = undefined;
      }
      this.#widget.destroy();
      this.#widget = undefined;
      this.#box.replaceChildren();
    }
    if (initial) options.initial = initial;
    try {
      this.#widget = mount(this.#box, options);
    } catch (error) {
      if (options.profile === undefined) {
        console.error("maillint: could not mount", error);
        return;
      }
      // A profile the page cannot read (a Trusted Types page refuses the XML parser): the
      // checker works without it rather than not at all.
      console.error("maillint: the profile could not be read; checking without it", error);
      delete options.profile;
      try {
        this.#widget = mount(this.#box, options);
      } catch (again) {
        console.error("maillint: could not mount", again);
      }
    }
  }
}

export { MailSettingsCheck };

if (browser && !customElements.get("mail-settings-check")) {
  customElements.define("mail-settings-check", MailSettingsCheck);
}
// Importing the entry resolves once the module is ready, as it always has.
await ready;

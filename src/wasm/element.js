// maillint/element: registers <mail-settings-check> and starts the module itself, so a page
// needs one script tag and the element, no init() call. The checker renders in a shadow root
// with its own stylesheet: the host page's CSS cannot break it and its CSS cannot leak out.
// Built into pkg/ beside maillint.js by scripts/build-wasm.sh.
import init, { mount } from "./maillint.js";

const stylesheet = new URL("./maillint.css", import.meta.url).href;
const ATTRIBUTES = ["locale", "probe-url", "discover-url", "profile-url", "complete"];

await init();

class MailSettingsCheck extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #box;
  #widget;
  #generation = 0;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = stylesheet;
    this.#box = document.createElement("div");
    this.#box.setAttribute("part", "checker");
    root.append(link, this.#box);
  }

  /** The mounted widget (settings(), report(), setLocale(), summary()). */
  get widget() {
    return this.#widget;
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

  async #mount() {
    const generation = ++this.#generation;
    const options = {};
    const locale = this.getAttribute("locale");
    const probeUrl = this.getAttribute("probe-url");
    const discoverUrl = this.getAttribute("discover-url");
    const profileUrl = this.getAttribute("profile-url");
    if (locale) options.locale = locale;
    if (probeUrl) options.probeUrl = probeUrl;
    if (discoverUrl) options.discoverUrl = discoverUrl;
    if (this.hasAttribute("complete")) options.complete = true;
    if (profileUrl) {
      try {
        const response = await fetch(profileUrl);
        if (response.ok) options.profile = await response.text();
        else console.error(`maillint: profile-url answered ${response.status}`);
      } catch (error) {
        console.error("maillint: profile-url could not be fetched", error);
      }
      // The element was removed or changed again while the profile came.
      if (generation !== this.#generation) return;
    }
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
      console.error("maillint: could not mount", error);
    }
  }
}

export { MailSettingsCheck };

if (typeof customElements !== "undefined" && !customElements.get("mail-settings-check")) {
  customElements.define("mail-settings-check", MailSettingsCheck);
}

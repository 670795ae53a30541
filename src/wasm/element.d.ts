// Types of the `maillint/element` entry: importing it registers <mail-settings-check>.
import type { ParsedSettings, ProviderProfile, Report, Widget } from "./maillint.js";

/** The element's attributes; each takes effect at once when changed. */
export interface MailSettingsCheckAttributes {
  /** A BCP 47 tag ("zh-HK", "zh-TW", "zh-CN", "ms", "en"); default: the page's `lang`. */
  locale?: string;
  /** The reachability endpoint (POST); without it "Test connection" is hidden. */
  "probe-url"?: string;
  /** The discovery endpoint (POST `{ domain }`). */
  "discover-url"?: string;
  /** A provider's config-v1.1.xml, fetched when the element mounts. */
  "profile-url"?: string;
  /** Present: every empty field is reported (a finished form). */
  complete?: boolean | "";
}

/** `<mail-settings-check>`: the checker in a shadow root of its own. */
export declare class MailSettingsCheck extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The mounted widget, once connected. */
  readonly widget: Widget | undefined;
  /** The page's own provider, as `mount()`'s `profile`: a profile object or the text of a config-v1.1.xml. It wins over `profile-url`. */
  profile: ProviderProfile | string | undefined;
}

/** `maillint-change`'s detail: the report of the check just made and the settings as typed. */
export interface MailSettingsChangeDetail {
  report: Report;
  settings: ParsedSettings | undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    "mail-settings-check": MailSettingsCheck;
  }
  /** Sent by the element after every check; it bubbles and crosses the shadow root. */
  interface HTMLElementEventMap {
    "maillint-change": CustomEvent<MailSettingsChangeDetail>;
  }
  // For JSX users (React, Preact, Solid): the element and its attributes.
  namespace JSX {
    interface IntrinsicElements {
      "mail-settings-check": MailSettingsCheckAttributes & {
        id?: string;
        class?: string;
        className?: string;
        style?: string | Record<string, string | number>;
        hidden?: boolean;
        children?: never;
      };
    }
  }
  // For Svelte's templates (`svelteHTML`, a global namespace: nothing needs Svelte installed).
  namespace svelteHTML {
    interface IntrinsicElements {
      "mail-settings-check": MailSettingsCheckAttributes & { id?: string; class?: string; style?: string; hidden?: boolean };
    }
  }
}

/** How a connection is protected: implicit TLS ("SSL/TLS"), STARTTLS, or none. */
export type Security = "tls" | "starttls" | "none";
/** Incoming mail protocol. */
export type Protocol = "imap" | "pop3";
export type Severity = "error" | "warning" | "info";
/** A path to one field of the settings. */
export type FieldPath =
  | "email"
  | "incoming.protocol"
  | "incoming.host"
  | "incoming.port"
  | "incoming.security"
  | "incoming.username"
  | "outgoing.host"
  | "outgoing.port"
  | "outgoing.security"
  | "outgoing.username"
  | "outgoing.auth";
/** Every stable finding code. */
export type Code =
  | "comma-for-dot"
  | "domain-no-mail"
  | "domain-typo"
  | "domain-typo-suspected"
  | "fullwidth"
  | "host-has-port"
  | "host-has-scheme"
  | "host-idn"
  | "host-is-email"
  | "host-single-label"
  | "host-wrong-protocol"
  | "invalid-email"
  | "invalid-host"
  | "invalid-port"
  | "missing-field"
  | "no-encryption"
  | "placeholder"
  | "port-25-submission"
  | "port-nonstandard"
  | "port-security-mismatch"
  | "port-wrong-protocol"
  | "profile-bad-placeholder"
  | "profile-invalid-hostname"
  | "profile-missing-element"
  | "profile-outgoing-not-smtp"
  | "profile-port-socket-mismatch"
  | "profile-unknown-socket-type"
  | "protocol-not-offered"
  | "provider-app-password"
  | "provider-host-mismatch"
  | "provider-host-undocumented"
  | "provider-no-pop"
  | "provider-port-mismatch"
  | "provider-sign-in"
  | "sign-in-password-ending"
  | "smtp-auth-off"
  | "sources-disagree"
  | "username-full-address-expected"
  | "username-full-address-suggested"
  | "username-local-part-expected"
  | "username-mismatch"
  | "whitespace";

/**
 * Incoming server settings as typed. `port` may be a number or the text typed ("993 ",
 * "９９３"); `security` also accepts, in any case, "ssl", "ssl/tls", "plain", "off",
 * "yes" and "no".
 */
export interface IncomingSettings {
  protocol?: Protocol | null;
  host?: string | null;
  port?: number | string | null;
  security?: Security | (string & {}) | null;
  username?: string | null;
}

/** Outgoing (SMTP) server settings as typed. */
export interface OutgoingSettings {
  host?: string | null;
  port?: number | string | null;
  security?: Security | (string & {}) | null;
  username?: string | null;
  /** "My outgoing server requires authentication". */
  auth?: boolean | null;
}

/** One account's settings; every field may be absent while the form is being filled. */
export interface Settings {
  email?: string | null;
  incoming?: IncomingSettings | null;
  outgoing?: OutgoingSettings | null;
}

export interface CheckOptions {
  /** A BCP 47 tag: "zh-TW"/"zh-Hant" (Taiwan terms), "zh-HK"/"zh-MO" (Hong Kong terms), "zh-CN"/"zh-Hans", "ms"/"ms-MY", "en"; others fall back to English. */
  locale?: string | null;
  /** The form is finished: report every empty required field as `missing-field`. */
  complete?: boolean | null;
  /** The page's own provider: the text of its config-v1.1.xml, or the object form. */
  profile?: string | ProviderProfile | null;
  /** The day providers' dated sign-in changes are judged against, "YYYY-MM-DD"; the browser's date when absent. */
  today?: string | null;
}

/** One field edit of a fix. */
export interface Edit {
  field: FieldPath;
  value: string | number | boolean;
}

export interface Fix {
  title: string;
  edits: Edit[];
}

export interface Finding {
  code: Code;
  severity: Severity;
  field: FieldPath;
  /** What is wrong, in one sentence, in the requested locale. */
  message: string;
  /** Why it matters and what to do. */
  help?: string;
  fix?: Fix;
}

export interface Report {
  /** True when no finding has error severity. */
  ok: boolean;
  findings: Finding[];
}

/** Settings as `parseSettings` returns them: ports as typed, security normalized. */
export interface ParsedSettings {
  email?: string;
  incoming: {
    protocol?: Protocol;
    host?: string;
    port?: string;
    security?: Security;
    username?: string;
  };
  outgoing: {
    host?: string;
    port?: string;
    security?: Security;
    username?: string;
    auth?: boolean;
  };
}

export interface RuleInfo {
  code: Code;
  severity: Severity;
  /** One line, in English. */
  summary: string;
  fixable: boolean;
}

/** A mounted checker. `destroy()` removes every node and listener it added. */
export interface Widget {
  /** The settings as currently typed. */
  settings(): Settings;
  /** The latest report: every finding, touched fields or not. */
  report(): Report;
  /** The settings as typed and each finding, as plain text in the widget's language (what "Copy summary" puts on the clipboard). */
  summary(): string;
  /** Switches labels and messages to another locale, keeping what was typed. */
  setLocale(locale: string): void;
  /** Removes every node and listener the widget added. Calling it twice does nothing. */
  destroy(): void;
  /** The same as `destroy()` (the name earlier versions had for releasing the widget's memory). */
  free(): void;
  /** For tests of a page's safety net: makes this widget's next check trap the module on purpose, as a bug would. */
  simulateTrap(): void;
}

/**
 * Mounts the checker inside `element`: a form that checks itself as the customer types.
 */
export function mount(element: HTMLElement, options?: MountOptions): Widget;

/** Options of `mount()` and of `<mail-settings-check locale="…" probe-url="…">`. */
export interface MountOptions {
  /** Default: the page's `lang`, then the browser's language. */
  locale?: string;
  /** The reachability endpoint (POST); without it the "Test connection" button is hidden. */
  probeUrl?: string;
  /** The discovery endpoint (POST `{ domain }`); without it no domain is looked up. Only the
   * address's domain is sent, once per domain, when the customer pauses or leaves the field. */
  discoverUrl?: string;
  /** Settings to fill the form with. */
  initial?: Settings;
  /** Report every empty field (a finished form), as `check`'s `complete`. */
  complete?: boolean;
  /** Called with the new report after every change. */
  onChange?: (report: Report) => void;
  /** The page's own provider: the text of its config-v1.1.xml, or the object form. */
  profile?: string | ProviderProfile;
}

/** One server of a provider profile, as in config-v1.1.xml. */
export interface ProfileServer {
  type: "imap" | "pop3" | "smtp";
  /** May hold %EMAILDOMAIN%, filled from the customer's address. */
  hostname: string;
  port: number;
  socketType: "SSL" | "STARTTLS" | "plain";
  /** %EMAILADDRESS%, %EMAILLOCALPART% or a literal. */
  username?: string;
  authentication?: string;
}

/** The object form of a provider's config-v1.1.xml. */
export interface ProviderProfile {
  domains?: string[];
  displayName?: string;
  incoming: ProfileServer[];
  outgoing: ProfileServer[];
  /** Incoming protocols the domain says it does not offer (its SRV records name "." for them); a maillint extension that `/api/discover` fills. */
  notOffered?: ("imap" | "pop3")[];
}

/** A mistake in a provider's profile, with the element (and line) it came from. */
export interface LintFinding {
  code: Code;
  severity: Severity;
  /** e.g. "incomingServer[2]/socketType" */
  element: string;
  /** 1-based line of the XML; 0 for the object form. */
  line: number;
  message: string;
  help?: string;
}

export interface LintReport {
  ok: boolean;
  findings: LintFinding[];
}

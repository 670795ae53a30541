// Types for React 19 projects (`"jsx": "react-jsx"`, which reads the `react` module's `JSX`
// namespace, not the global one): `import type {} from "maillint/react";` once, anywhere in
// the project, types `<mail-settings-check>` in TSX. A separate entry because augmenting the
// `react` module in `maillint/element` would break the typings of projects without React.
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { MailSettingsCheck, MailSettingsCheckAttributes } from "./element.js";

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "mail-settings-check": DetailedHTMLProps<HTMLAttributes<MailSettingsCheck>, MailSettingsCheck> &
        MailSettingsCheckAttributes & { children?: never };
    }
  }
}

// Types for Vue 3 projects: `import type {} from "maillint/vue";` once, anywhere in the
// project, types `<mail-settings-check>` in single-file components' templates (vue-tsc and
// the editor read the `vue` module's `GlobalComponents`, Vue's documented place for custom
// elements), with its attributes and its `maillint-change` event (`@maillint-change`). A
// separate entry because augmenting the `vue` module in `maillint/element` would break the
// typings of projects without Vue. Vue compiles the tag as a custom element once
// `compilerOptions.isCustomElement` says so (for example `(tag) => tag.includes("-")`).
import type { DefineComponent } from "vue";
import type { MailSettingsChangeDetail, MailSettingsCheckAttributes } from "./element.js";

declare module "vue" {
  interface GlobalComponents {
    "mail-settings-check": DefineComponent<
      MailSettingsCheckAttributes & {
        /** `@maillint-change`: after every check, with the report and the settings as typed. */
        onMaillintChange?: (event: CustomEvent<MailSettingsChangeDetail>) => void;
      }
    >;
  }
}

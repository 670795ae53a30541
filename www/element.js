// Starts the module, which registers <mail-settings-check>.
import init from "../pkg/maillint.js";

await init();

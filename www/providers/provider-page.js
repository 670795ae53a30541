// Mounts the checker with this page's provider profile (data-profile on #checker), so the
// widget speaks for that provider: its servers, ports and user-name form.
import init, { mount, lintProfile } from "../../pkg/maillint.js";

await init();
const host = document.getElementById("checker");
const response = await fetch(host.dataset.profile);
const profile = await response.text();
const lint = lintProfile(profile);
if (!lint.ok) console.warn("maillint: this page's profile has problems", lint.findings);
window.maillintWidget = mount(host, { profile });

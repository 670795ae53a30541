// The sample page's checker. maillint-server answers the probe and discovery on its own
// origin; the endpoints are fixed here, never taken from the address bar, so a crafted link cannot send
// what the visitor types to another server.
import init, { mount } from "../pkg/maillint.js";

await init();
window.maillintWidget = mount(document.getElementById("checker"), {
  probeUrl: "/api/probe",
  discoverUrl: "/api/discover",
  onChange: (report) => { window.maillintLastReport = report; },
});

// A provider's own build: Vite bundles the package from pkg/ with the page's code.
import init, { mount } from "../../pkg/maillint.js";
import "../maillint.css";

await init();
window.maillintWidget = mount(document.getElementById("checker"));

// Writes the npm package's package.json from Cargo.toml (name, version, licence and, once
// the project has a public address, `repository` and `homepage`, which give `bugs` too).
// Usage: node scripts/manifest.mjs <Cargo.toml> <package.json>. Run by scripts/pack.sh.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

const [cargoToml, file] = process.argv.slice(2);
const cargo = readFileSync(cargoToml, "utf8");
// The [package] table's own keys (the workspace's come before it).
const pkg = cargo.slice(cargo.indexOf("[package]")).split(/\n\[/)[0];
const field = (name) => new RegExp(`^${name} = "(.*)"$`, "m").exec(pkg)?.[1];
const version = field("version");
const license = field("license");
const repository = field("repository");
const homepage = field("homepage") ?? repository;
if (!version || !license) throw new Error(`${cargoToml}: [package] needs version and license`);

// The catalogues' modules the build wrote (every language, imported on demand; English's texts
// are also bundled into maillint.js).
const catalogues = readdirSync(new URL("../pkg/locales/", import.meta.url))
  .filter((name) => name.endsWith(".js"))
  .map((name) => `locales/${name}`);
if (catalogues.length === 0) throw new Error("pkg/locales: no catalogue modules (run scripts/build-wasm.sh)");

const fileFirst = (path) => ({ webpack: path, node: path });
const manifest = {
  name: "maillint",
  version,
  description: "Checks mail settings (server names, ports, security, user names) as customers type them, in their language",
  license,
  type: "module",
  keywords: ["email", "imap", "smtp", "pop3", "settings", "checker", "webassembly", "web-component"],
  // The address, where the project has one: none is made up.
  ...(repository && { repository: { type: "git", url: `git+${repository}.git` }, bugs: { url: `${repository}/issues` } }),
  ...(homepage && { homepage }),
  main: "./maillint.js",
  types: "./maillint.d.ts",
  // Which file a tool gets: webpack copies what `new URL(…, import.meta.url)` names and says
  // so by its own condition, and Node reads files itself: they load maillint_bg.wasm as a
  // file. Every other tool gets the entries that carry the .wasm in JavaScript
  // (wasm-inline.js), which work with nothing copied: esbuild and Rollup copy no such file,
  // and no condition tells them apart from Vite or Next.js.
  exports: {
    ".": { types: "./maillint.d.ts", ...fileFirst("./maillint.js"), default: "./maillint-inline.js" },
    "./element": { types: "./element.d.ts", ...fileFirst("./element.js"), default: "./element-inline.js" },
    // Types only: the <mail-settings-check> entry of React 19's JSX namespace.
    "./react": { types: "./react.d.ts" },
    // Types only: the element in Vue's GlobalComponents (single-file components' templates).
    "./vue": { types: "./vue.d.ts" },
    "./maillint.css": "./maillint.css",
    "./maillint_bg.wasm": "./maillint_bg.wasm",
    "./package.json": "./package.json",
  },
  files: ["maillint.js", "maillint-core.js", "maillint.d.ts", "maillint_bg.wasm", "maillint_bg.wasm.d.ts", "element.js", "element.d.ts", "react.d.ts", "vue.d.ts", "maillint.css",
    "maillint-inline.js", "maillint-core-inline.js", "element-inline.js", "wasm-inline.js", ...catalogues, "README.md", "LICENSE-MIT", "LICENSE-APACHE"],
  // Importing the element entry registers <mail-settings-check>; the stylesheet is a side
  // effect for bundlers that import CSS.
  sideEffects: ["./element.js", "./element-inline.js", "./maillint.css"],
};
writeFileSync(file, JSON.stringify(manifest, null, 2) + "\n");

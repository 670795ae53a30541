// Writes data/real-domains.txt: the domains of the npm package `email-providers` (all.json,
// a maintained list of mail providers' domains), less those one keystroke away from a domain
// the engine corrects to (a provider's domain, or another well-known one). Such lists collect
// sign-up typos (`gmial.com`, `hotmial.com`) beside the real domains; a real domain one edit
// from a well-known one (`uymail.com`) belongs in the provider table instead, where it wins.
// Of those, the ones the engine would otherwise take for a misspelling go to
// data/real-domains-near.txt, which build.rs compiles into the package: the others never
// look misspelt, so the package need not carry them (the tests check all of them).
//
// The engine itself says what it would correct: the list is emptied, the package rebuilt, and
// every domain checked. Run it when the npm package is updated: `node scripts/real-domains.mjs`.
import { readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const root = new URL("../", import.meta.url);
const require = createRequire(import.meta.url);
const all = require("email-providers/all.json");
const version = require("email-providers/package.json").version;
const list = new URL("data/real-domains.txt", root);

writeFileSync(new URL("data/real-domains-near.txt", root), "");
execFileSync("./scripts/build-wasm.sh", { cwd: root, stdio: "inherit" });
const m = await import(new URL(`pkg/maillint.js?${Date.now()}`, root));
m.initSync({ module: readFileSync(new URL("pkg/maillint_bg.wasm", root)) });

// Optimal string alignment distance (a swap counts as one edit), as the engine counts typos.
function distance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const kept = [];
const near = [];
const dropped = [];
for (const domain of [...new Set(all.map((d) => d.trim().toLowerCase()))].sort()) {
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain)) continue;
  const typo = m.check({ email: `x@${domain}` }).findings.find((f) => f.code === "domain-typo" && f.fix);
  const meant = typo?.fix.edits[0].value.split("@")[1];
  const flagged = m.check({ email: `x@${domain}` }).findings.some((f) => f.code === "domain-typo");
  if (meant && distance(domain, meant) === 1) dropped.push(`${domain} (${meant})`);
  else {
    kept.push(domain);
    if (flagged) near.push(domain);
  }
}
const head = `npm email-providers ${version} all.json, ${all.length} domains, less ${dropped.length} one keystroke from a domain maillint corrects to. Made by scripts/real-domains.mjs.`;
writeFileSync(list, `# Real mail domains: ${head}\n${kept.join("\n")}\n`);
writeFileSync(new URL("data/real-domains-near.txt", root), `# Of data/real-domains.txt, the domains maillint would otherwise take for misspellings: compiled into the package.\n${near.join("\n")}\n`);
console.log(`${kept.length} domains kept, ${near.length} of them near a well-known one; ${dropped.length} dropped as misspellings, e.g. ${dropped.slice(0, 8).join(", ")}`);
execFileSync("./scripts/build-wasm.sh", { cwd: root, stdio: "inherit" });

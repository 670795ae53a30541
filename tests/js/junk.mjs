// Every kind of JavaScript value, thrown at every export of the package in every argument.
// Shared by the node test (tests/js/junk.test.mjs) and the one in Chromium
// (tests/e2e/junk.test.mjs): `m` is the package's module, `element` a real element where the
// runtime has a DOM (null in node, where mount cannot work anyway).

export function junk() {
  const values = [
    ["undefined", undefined], ["null", null], ["0", 0], ["42", 42], ["-1", -1], ["NaN", NaN],
    ["Infinity", Infinity], ["true", true], ["false", false], ["{}", {}], ["[]", []],
    ["[1,2]", [1, 2]], ["a symbol", Symbol("x")], ["a bigint", 10n], ["a function", () => 1],
    ["a lone surrogate", "\uD800"], ["a lone low surrogate", "x\uDC00y"], ["''", ""],
    ["a date", new Date(0)], ["a regexp", /x/], ["a map", new Map()],
    ["an object with a throwing getter", Object.defineProperty({}, "email", { get() { throw new Error("boom"); } })],
    ["a proxy that throws", new Proxy({}, { get() { throw new Error("trap"); } })],
    ["a nested symbol", { email: Symbol("y"), incoming: { port: 10n } }],
    ["a frozen object", Object.freeze({ incoming: Object.freeze({ host: 42 }) })],
    ["an object without prototype", Object.create(null)],
  ];
  return values;
}

/** Calls every export with every value in every argument; returns what went wrong. */
export function callEveryExport(m, element) {
  const problems = [];
  const values = junk();
  const calls = [
    ["check(v)", (v) => m.check(v)],
    ["check({}, v)", (v) => m.check({}, v)],
    ["check(v, v)", (v) => m.check(v, v)],
    ["parseSettings(v)", (v) => m.parseSettings(v)],
    ["lintProfile(v)", (v) => m.lintProfile(v)],
    ["lintProfile('<x/>', v)", (v) => m.lintProfile("<clientConfig/>", v)],
    ["rules(v)", (v) => m.rules(v)],
    // Its promise's outcome is tested in tests/js/api.test.mjs; here only that it never traps.
    ["loadLocale(v)", (v) => { m.loadLocale(v).catch(() => {}); }],
    ["mount(v)", (v) => m.mount(v)],
    ["mount(element, v)", (v) => { if (element) { const w = m.mount(element, v); w.destroy(); } }],
    ["widget.setLocale(v)", (v) => { if (element) { const w = m.mount(element); try { w.setLocale(v); } finally { w.destroy(); } } }],
    ["check({ incoming: v })", (v) => m.check({ incoming: v })],
    ["check({ incoming: { port: v } })", (v) => m.check({ incoming: { port: v } })],
    ["check({}, { profile: v })", (v) => m.check({}, { profile: v })],
  ];
  for (const [what, call] of calls) {
    for (const [name, v] of values) {
      try {
        call(v);
      } catch (e) {
        // An Error (a TypeError where the type is wrong) with a message: never a trap.
        if (!(e instanceof Error)) problems.push(`${what} with ${name}: threw a non-Error ${String(e)}`);
        else if (e instanceof WebAssembly.RuntimeError || /unreachable|out of bounds|memory access/i.test(e.message)) {
          problems.push(`${what} with ${name}: trapped: ${e.message}`);
        } else if (!e.message) problems.push(`${what} with ${name}: an Error without a message`);
      }
      // The module keeps working after every call.
      try {
        const r = m.check({ email: "momo@gmial.com" });
        if (r.findings[0]?.code !== "domain-typo") problems.push(`after ${what} with ${name}: check answers wrongly`);
      } catch (e) {
        problems.push(`after ${what} with ${name}: check threw ${e}`);
      }
    }
  }
  // Wrong types are TypeErrors.
  for (const [what, call] of [["parseSettings(42)", () => m.parseSettings(42)], ["parseSettings({})", () => m.parseSettings({})],
    ["parseSettings(true)", () => m.parseSettings(true)], ["check(42)", () => m.check(42)],
    ["check({ email: 1 })", () => m.check({ email: 1 })], ["mount(42)", () => m.mount(42)],
    ["lintProfile(42)", () => m.lintProfile(42)]]) {
    try {
      call();
      problems.push(`${what}: did not throw`);
    } catch (e) {
      if (!(e instanceof TypeError)) problems.push(`${what}: threw ${e?.constructor?.name}, not a TypeError`);
    }
  }
  return problems;
}

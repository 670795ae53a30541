// Gives the functions the .wasm imports from its glue short names (`_0`, `_1`, …) in both
// files. wasm-bindgen names each import after its Rust path and a 16-digit hash
// (`__wbg_set_e4b9a833d288759a`), about 120 of them, written once in the .wasm's import section
// and once in the glue's import object: random hex that gzip cannot shrink. Measured on the
// same build (gzip -9): `maillint_bg.wasm` 138,250 → 135,933 bytes, `maillint.js` 5,764 →
// 4,261: 3,820 bytes less together.
// The .wasm's exports keep their names (maillint_bg.wasm.d.ts describes them).
//
// Run by scripts/minify.mjs on pkg/ before the glue is bundled. The build stops if an import
// is not found exactly once in the glue, or the .wasm has a shape this does not read.

const MODULE = "./maillint_bg.js";

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error("short-imports: the .wasm ends inside a number");
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function writeU32(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

/** The position after an import's description (function, table, memory, global or tag). */
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  const skipNumber = () => {
    [, at] = readU32(bytes, at);
  };
  const skipLimits = () => {
    const flags = bytes[at++];
    skipNumber();
    if (flags & 1) skipNumber();
  };
  switch (kind) {
    case 0x00: skipNumber(); break; // a function: its type
    case 0x01: at += 1; skipLimits(); break; // a table: its element type and limits
    case 0x02: skipLimits(); break; // a memory
    case 0x03: at += 2; break; // a global: its value type and mutability
    case 0x04: at += 1; skipNumber(); break; // a tag
    default: throw new Error(`short-imports: an import of kind ${kind}`);
  }
  return at;
}

/**
 * Renames the .wasm's imports from `./maillint_bg.js` and the same names in the glue's
 * source. Returns the new .wasm bytes and glue text.
 */
export function shortImports(wasm, glue) {
  const bytes = new Uint8Array(wasm);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  // The new file in parts: sections other than the imports are copied as they are.
  const out = [bytes.subarray(0, 8)];
  const renamed = new Map();
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readU32(bytes, at + 1);
    const end = start + size;
    if (id !== 2) {
      out.push(bytes.subarray(at, end));
      at = end;
      continue;
    }
    let [count, p] = readU32(bytes, start);
    const payload = writeU32(count);
    while (count-- > 0) {
      const [moduleLength, moduleStart] = readU32(bytes, p);
      const module = decoder.decode(bytes.subarray(moduleStart, moduleStart + moduleLength));
      const [nameLength, nameStart] = readU32(bytes, moduleStart + moduleLength);
      const name = decoder.decode(bytes.subarray(nameStart, nameStart + nameLength));
      const after = skipDescription(bytes, nameStart + nameLength);
      let kept = name;
      if (module === MODULE) {
        if (!renamed.has(name)) renamed.set(name, `_${renamed.size.toString(36)}`);
        kept = renamed.get(name);
      }
      const moduleBytes = encoder.encode(module);
      const keptBytes = encoder.encode(kept);
      payload.push(...writeU32(moduleBytes.length), ...moduleBytes);
      payload.push(...writeU32(keptBytes.length), ...keptBytes);
      payload.push(...bytes.subarray(nameStart + nameLength, after));
      p = after;
    }
    if (p !== end) throw new Error("short-imports: the import section is not where it says");
    out.push(Uint8Array.from([id, ...writeU32(payload.length), ...payload]));
    at = end;
  }
  let text = glue;
  for (const [name, short] of renamed) {
    const uses = text.split(new RegExp(`\\b${name}\\b`));
    if (uses.length !== 2) throw new Error(`short-imports: ${name} is in the glue ${uses.length - 1} times, not once`);
    text = uses.join(short);
  }
  return { wasm: Buffer.concat(out), glue: text, count: renamed.size };
}

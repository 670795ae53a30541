// Writes bench/typos.json: labelled domains for the typo comparison. Misspellings of
// well-known mail domains made by the slips people make (a swapped pair, a dropped, doubled
// or neighbouring key, a misspelt top-level domain), each labelled with the domain meant;
// and real domains that only look close, labelled with no suggestion. Deterministic.
import { writeFileSync } from "node:fs";

const targets = [
  "gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "aol.com", "live.com",
  "googlemail.com", "protonmail.com", "yahoo.com.hk", "yahoo.com.tw", "hotmail.co.uk",
  "comcast.net", "qq.com", "163.com", "zoho.com", "yandex.ru", "netvigator.com", "hinet.net",
  "so-net.net.tw", "streamyx.com", "sina.com",
];
const real = [
  // Real mail domains close to the well-known ones.
  "mac.com", "me.com", "mail.com", "gmx.com", "gmx.de", "gmx.net", "hotmail.fr", "hotmail.de",
  "hotmail.it", "live.co.uk", "live.fr", "yahoo.fr", "yahoo.de", "yahoo.co.jp", "yahoo.ca",
  "outlook.jp", "outlook.fr", "ymail.com", "rocketmail.com", "aim.com", "verizon.net", "att.net",
  "web.de", "orange.fr", "free.fr", "fastmail.com", "fastmail.fm", "hey.com", "pm.me", "proton.me",
  "tuta.io", "139.com", "126.com", "yeah.net", "sina.cn", "sohu.com", "foxmail.com", "msn.com",
  "ms1.hinet.net", "seed.net.tw", "pchome.com.tw", "hkbn.net", "tm.net.my", "singnet.com.sg",
  "naver.com", "daum.net", "hanmail.net", "nate.com", "mail.ru", "bk.ru", "list.ru", "inbox.ru",
  "email.com", "usa.com", "cox.net", "shaw.ca", "libero.it", "laposte.net", "sky.com",
  // Ordinary company and school domains.
  "chan.com.hk", "lamtin.hk", "ust.hk", "cuhk.edu.hk", "hku.hk", "polyu.edu.hk", "ntu.edu.tw",
  "nthu.edu.tw", "um.edu.my", "nus.edu.sg", "mycompany.com.my", "kedai-runcit.my",
  "goldenharbour.com.hk", "tamshui-design.tw", "pearl-river.cn", "xinhua-printing.cn",
  "gmailshop.com", "hotmailer.net", "icloudy.com", "yahoonews.com", "outlookdesign.com",
];
const neighbours = { a: "qs", c: "xv", e: "wr", g: "fh", h: "gj", i: "uo", l: "k", m: "n", n: "bm", o: "ip", r: "et", t: "ry", u: "yi", y: "tu", s: "ad" };
const tldSlips = { com: ["con", "cmo", "ocm", "comm", "cim"], net: ["nte", "ner", "nett"] };

function slips(domain) {
  const dot = domain.indexOf(".");
  const sld = domain.slice(0, dot), rest = domain.slice(dot);
  const out = [];
  for (let i = 0; i < sld.length - 1; i++) out.push(sld.slice(0, i) + sld[i + 1] + sld[i] + sld.slice(i + 2) + rest);
  for (let i = 0; i < sld.length; i++) out.push(sld.slice(0, i) + sld.slice(i + 1) + rest);
  for (let i = 0; i < sld.length; i++) out.push(sld.slice(0, i + 1) + sld[i] + sld.slice(i + 1) + rest);
  for (let i = 0; i < sld.length; i++) for (const n of neighbours[sld[i]] ?? "") out.push(sld.slice(0, i) + n + sld.slice(i + 1) + rest);
  const tld = rest.split(".").pop();
  for (const t of tldSlips[tld] ?? []) out.push(domain.slice(0, domain.length - tld.length) + t);
  return out;
}

const seen = new Set([...targets, ...real]);
const cases = [];
for (const t of targets) {
  // Every third slip of each kind keeps the list varied and the count near 300.
  const all = slips(t).filter((d) => d.split(".")[0].length >= 2);
  all.forEach((d, i) => {
    if (i % 3 === 0 && !seen.has(d)) { seen.add(d); cases.push({ domain: d, expect: t }); }
  });
}
for (const d of real) cases.push({ domain: d, expect: null });
writeFileSync(new URL("typos.json", import.meta.url), JSON.stringify(cases, null, 1) + "\n");
console.log(`${cases.length} cases, ${cases.filter((c) => c.expect).length} misspelt`);

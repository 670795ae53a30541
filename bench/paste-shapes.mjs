// The 1 MB paste shapes of the bench: ordinary pages and text made to be slow. The seeds
// (provider help pages in ../shared/seeds) stand for ordinary label/value lines.
import { readFileSync, readdirSync, existsSync } from "node:fs";

const MB = 1 << 20;
const fill = (unit) => { let s = ""; while (s.length < MB) s += unit; return s.slice(0, MB); };

export function pasteShapes() {
  const dir = new URL("../../shared/seeds/", import.meta.url);
  const seeds = existsSync(dir)
    ? readdirSync(dir).map((f) => readFileSync(new URL(f, dir), "utf8")).join("\n")
    : "Incoming server: mail.lamtin.hk\nPort: 993\nSSL: Yes\nOutgoing server: mail.lamtin.hk\nPort: 465\nUser name: momo@lamtin.hk\n";
  let seed = 7;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const alphabet = "abc xyz:：.,，\n\t伺服器連接埠ssl SMTP IMAP 993 465 @mail";
  let random = "";
  while (random.length < MB) random += alphabet[rand(alphabet.length)];
  return {
    "one huge line": "x".repeat(MB),
    "a million short lines": fill("a\n"),
    "labels without values": fill("Server:\nPort:\n用戶名稱:\n"),
    "section words repeated": fill("Incoming\nOutgoing\n收件伺服器\n寄件伺服器\nIMAP\nSMTP\n"),
    "mixed scripts": fill("伺服器 mail.例子.香港 Пароль ポート ১২৩ ٩٩٣ server: 993\n"),
    "label/value lines (the seed pages repeated)": fill(seeds + "\n"),
    "random text": random,
    "prose with a settings block": fill("Incoming server: mail.lamtin.hk\nPort: 993\nSSL: Yes\nOutgoing server: mail.lamtin.hk\nPort: 465\n" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit, 請檢查設定。\n".repeat(20)),
  };
}

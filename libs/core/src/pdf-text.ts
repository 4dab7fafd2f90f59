/** Characters above U+00FF that the standard PDF fonts can draw (WinAnsiEncoding, 0x80–0x9F). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Text the standard PDF fonts (WinAnsi) can draw: French is entirely covered; narrow and thin spaces
 * become no-break spaces, and other letters lose their accent (Łódź → Lodz) rather than print as garbage.
 */
export function winAnsi(text: string): string {
  let out = '';
  for (const char of text.replace(/[\u202f\u2009\u2007]/g, '\u00a0')) {
    const code = char.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char) || char === '\n') {
      out += char;
      continue;
    }
    const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
    out += [...bare].every((c) => c.codePointAt(0)! <= 0xff) && bare ? bare : (TRANSLITERATIONS[char] ?? '?');
  }
  return out;
}

const TRANSLITERATIONS: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', ß: 'ss', '\t': ' ', '\r': '' };

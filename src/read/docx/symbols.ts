/**
 * `w:sym` characters. Word's Insert Symbol stores a font name and a private-use code
 * (F000 + the font's own code point). Text extraction that copies the code point gets
 * garbage, so the symbol fonts that matter in budget tables are mapped to Unicode:
 * comparison signs in targets (Symbol ≥ is F0B3) and check boxes in forms (Wingdings).
 */
const SYMBOL: Record<number, string> = {
  0x3c: '<', 0x3d: '=', 0x3e: '>', 0xa3: '≤', 0xb3: '≥', 0xb1: '±', 0xb4: '×', 0xb8: '÷',
  0xb9: '≠', 0xbb: '≈', 0xb0: '°', 0xa5: '∞', 0xd6: '√', 0xae: '→', 0xac: '←', 0xb7: '•',
  0x25: '%', 0xbc: '…', 0xd7: '·', 0x2d: '−',
};

const WINGDINGS: Record<number, string> = {
  0xa8: '☐', 0x6f: '□', 0x71: '❑', 0xfe: '☑', 0xfd: '☒', 0xfc: '✓', 0xfb: '✗', 0x9f: '•', 0x6c: '●', 0xa1: '○',
};

const FONTS: Record<string, Record<number, string>> = {
  symbol: SYMBOL,
  wingdings: WINGDINGS,
  'wingdings 2': { 0x52: '☑', 0xa3: '☐', 0x50: '✓', 0x54: '☒', 0x2a: '☐' },
};

/** The Unicode text of a w:sym, or null when the font's code cannot be mapped. */
export function symbolText(font: string | undefined, charHex: string | undefined): string | null {
  if (!charHex) return null;
  const code = Number.parseInt(charHex, 16);
  if (!Number.isFinite(code)) return null;
  const own = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  const table = FONTS[(font ?? '').toLowerCase()];
  if (table) return table[own] ?? null;
  // A non-symbol font with a real (non private-use) code point is ordinary text.
  return code < 0xe000 || code > 0xf8ff ? String.fromCodePoint(code) : null;
}

/**
 * The symbol font a run is set in (w:rFonts ascii or hAnsi), when it is one this table maps.
 * LibreOffice saves Word's w:sym as plain text in such a run, the code kept in the private-use
 * range (≥ becomes U+F0B3 in a Symbol run), so the run's text needs the same mapping.
 */
export function runSymbolFont(rFonts: Record<string, string> | undefined): string | null {
  for (const key of ['w:ascii', 'w:hAnsi']) {
    const font = rFonts?.[key]?.toLowerCase();
    if (font !== undefined && FONTS[font]) return font;
  }
  return null;
}

/** Text of a run in a symbol font: its private-use codes mapped, the unmappable counted and left out. */
export function mapSymbolRun(font: string, text: string): { text: string; unknown: number } {
  const table = FONTS[font] ?? {};
  let unknown = 0;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0xf000 || code > 0xf0ff) out += ch;
    else {
      const mapped = table[code - 0xf000];
      if (mapped === undefined) unknown++;
      else out += mapped;
    }
  }
  return { text: out, unknown };
}

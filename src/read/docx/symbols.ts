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

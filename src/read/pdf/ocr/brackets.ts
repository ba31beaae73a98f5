/**
 * Bracket widths in OCR'd text. A full-width `（` and an ASCII `(` differ on the page only
 * in the space around them, so the recognizer reads either for either: `发放(缴纳）覆盖率`.
 * A printed pair is set in one width, so a closing bracket takes the width of the opening
 * one it closes. Which width the pair really is cannot be told from one bracket's shape;
 * the opening one is kept as read.
 */
const PAIRS: Readonly<Record<string, string>> = { '(': ')', '（': '）', '[': ']', '［': '］', '【': '】', '〔': '〕' };
/** Closing brackets a recognizer confuses with each other, by shape. */
const CLOSERS_ALIKE: readonly (readonly string[])[] = [
  [')', '）'],
  [']', '］', '】', '〕'],
];

export function pairBrackets(text: string): string {
  const open: string[] = [];
  let out = '';
  for (const ch of text) {
    if (ch in PAIRS) {
      open.push(ch);
      out += ch;
      continue;
    }
    const family = CLOSERS_ALIKE.find((f) => f.includes(ch));
    const opener = open[open.length - 1];
    if (family && opener !== undefined) {
      const expected = PAIRS[opener]!;
      open.pop();
      // Only a closer of the same family is re-widthed: `(2024]` is not a pair to mend.
      out += family.includes(expected) ? expected : ch;
      continue;
    }
    out += ch;
  }
  return out;
}

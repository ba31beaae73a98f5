/**
 * A fix-up of LibreOffice's .docx. A symbol inserted in Word (≥ from the Symbol font, a
 * check box from Wingdings) is a `w:sym` in a .docx, which the .docx reader maps to Unicode;
 * a .doc holds the same, but LibreOffice writes it back as a private-use character
 * (U+F0B3) in a run set in the Symbol font. Left so, a target `≥95%` would read `95%`
 * (the reader drops private-use text). Such characters are turned back into `w:sym`, so the
 * .docx reader maps them, or counts them as unknown symbols, exactly as for Word's own files.
 */
import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { DEFAULT_LIMITS } from '../docx/package.js';
import { InputError } from '../errors.js';

const DOCUMENT = 'word/document.xml';
/** Fonts whose characters Word stores at F000 + code (lower case, as matched). */
const SYMBOL_FONTS = new Set(['symbol', 'wingdings', 'wingdings 2', 'wingdings 3', 'webdings']);
const PRIVATE_USE = /[\uf020-\uf0ff]/u;

export function restoreSymbols(docx: Uint8Array): Uint8Array {
  let parts: Unzipped;
  try {
    // The same part limit as the .docx reader: a conversion is no way around it.
    parts = unzipSync(docx, { filter: (entry) => entry.originalSize <= DEFAULT_LIMITS.maxPartBytes });
  } catch (error) {
    throw new InputError('conversion-failed', `LibreOffice wrote a damaged .docx (${(error as Error).message}); not read`);
  }
  const document = parts[DOCUMENT];
  if (!document) return docx; // the .docx reader says what is missing
  const xml = Buffer.from(document).toString('utf8');
  if (!PRIVATE_USE.test(xml)) return docx;
  const fixed = xml.replace(/<w:r\b[^>]*>(?:(?!<\/w:r>)[\s\S])*?<\/w:r>/gu, restoreRun);
  if (fixed === xml) return docx;
  parts[DOCUMENT] = Buffer.from(fixed, 'utf8');
  return zipSync(parts, { level: 1 });
}

function restoreRun(run: string): string {
  const font = /<w:rFonts\b[^>]*\bw:(?:ascii|hAnsi)="([^"]*)"/u.exec(run)?.[1];
  if (font === undefined || !SYMBOL_FONTS.has(font.toLowerCase()) || !PRIVATE_USE.test(run)) return run;
  return run.replace(/<w:t\b[^>]*>([^<]*)<\/w:t>/gu, (_whole, text: string) => {
    let out = '';
    let plain = '';
    const flush = (): void => {
      if (plain !== '') out += `<w:t xml:space="preserve">${plain}</w:t>`;
      plain = '';
    };
    for (const ch of text) {
      if (PRIVATE_USE.test(ch)) {
        flush();
        const hex = (ch.codePointAt(0) as number).toString(16).toUpperCase();
        out += `<w:sym w:font="${font}" w:char="${hex}"/>`;
      } else plain += ch;
    }
    flush();
    return out;
  });
}

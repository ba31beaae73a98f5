/**
 * Matching printed labels against synonyms. Labels are compared exactly after a
 * normalization that removes what varies between producers and years: white space
 * (`其中：财政    资金`), full-width punctuation, a trailing colon, a `其中：` prefix, a
 * trailing unit in parentheses (`资金支出计划（%）`, `项目资金（万元）`) and required-field marks.
 * Exact comparison (not substring) keeps value cells that mention a label word from
 * being taken for labels.
 */

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/**
 * Every cell is compared with every template's labels, several times: keys are cached.
 * Cell texts repeat across a batch (the same labels in every file), so a bounded cache
 * keeps nearly all of them.
 */
const keyCache = new Map<string, string>();
const KEY_CACHE_LIMIT = 20_000;

export function labelKey(text: string): string {
  let key = keyCache.get(text);
  if (key === undefined) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    key = computeLabelKey(text);
    keyCache.set(text, key);
  }
  return key;
}

function computeLabelKey(text: string): string {
  return text
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    // 。 never belongs to a label: it is a full stop overflowing from the cell above.
    .replace(/[\s\u00A0\u3000*★☆。]+/g, '')
    .replace(/[:：]+$/u, '')
    .replace(/^其中[:：]?/u, '')
    .replace(/\([^()]*\)$/u, '')
    .replace(/[:：]+$/u, '')
    .toLowerCase();
}

/** Longer texts are never labels: they are values that mention a label word. */
const LABEL_MAX_LENGTH = 40;

/**
 * The key a text is looked up by, or null for a text no label can be (empty, or longer than
 * any label): for a caller that looks one text up in several tables.
 */
export function matchKey(text: string): string | null {
  return text === '' || text.length > LABEL_MAX_LENGTH ? null : labelKey(text);
}

/** A lookup from normalized label to the role it names. */
export class LabelTable<Role extends string> {
  private readonly byKey = new Map<string, Role>();

  constructor(synonyms: { readonly [R in Role]?: readonly string[] }) {
    for (const [role, words] of Object.entries(synonyms) as [Role, readonly string[]][]) {
      for (const word of words) {
        const key = labelKey(word);
        const existing = this.byKey.get(key);
        if (existing && existing !== role) throw new Error(`label ${word} names both ${existing} and ${role}`);
        this.byKey.set(key, role);
      }
    }
  }

  match(text: string): Role | null {
    return this.matchByKey(matchKey(text));
  }

  /** The keys of every label the table knows. */
  keys(): IterableIterator<string> {
    return this.byKey.keys();
  }

  /** What match gives for the text whose matchKey this is. */
  matchByKey(key: string | null): Role | null {
    return key === null ? null : (this.byKey.get(key) ?? null);
  }
}

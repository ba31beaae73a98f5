/**
 * Project codes and names. Some exports print both in the name cell,
 * `51000021R000000019951-工资性支出` (FIELD-GUIDE V5): a 预算管理一体化 code (6-digit region,
 * 2-digit library year, a letter, 12 more characters) before a hyphen.
 */
const JOINED = /^([0-9]{6}[0-9]{2}[A-Z][0-9A-Z]{8,16})\s*[-－—–_]\s*(\S.*)$/u;

export interface CodeAndName {
  code: string | null;
  name: string | null;
}

/** Split a joined code and name; anything else is returned as it is. */
export function splitCodeAndName(code: string | null, name: string | null): CodeAndName {
  if (code === null && name !== null) {
    const m = JOINED.exec(name);
    if (m) return { code: m[1] ?? null, name: m[2] ?? null };
  }
  return { code, name };
}

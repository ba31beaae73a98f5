/** README's check rules table lists every rule as src/check/ defines it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/index.js';
import { CODES } from '../../src/diagnostics.js';
import { fixturePath } from '../helpers.js';

describe('README: the check rules table', () => {
  it('has one row per rule, in order, with its severity and what it checks', () => {
    const readme = readFileSync(fixturePath('README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Auditing: diff and check'), readme.indexOf('## 简介'));
    const rows = section.split('\n').filter((line) => /^\| [a-z]+ \| `[A-Z_0-9]+` \|/.test(line));
    expect(rows).toEqual(
      RULES.map((r) => `| ${r.family} | \`${r.code}\` | ${CODES[r.code].severity} | ${r.checks}${r.run === null ? ' (found while parsing)' : ''} |`),
    );
  });
});

/**
 * Regenerates the parts of README.md that are generated from code (the diagnostic codes
 * table). `npm run readme`; test/readme.test.ts fails when README is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { CODES } from '../src/diagnostics.js';

export function diagnosticCodesTable(): string {
  const lines = ['| code | severity | meaning |', '|---|---|---|'];
  for (const [code, info] of Object.entries(CODES)) lines.push(`| \`${code}\` | ${info.severity} | ${info.summary} |`);
  return `${lines.join('\n')}\n`;
}

export const README = new URL('../README.md', import.meta.url);

export function withGeneratedParts(readme: string): string {
  return readme.replace(
    /(<!-- diagnostic-codes:start -->\n)[\s\S]*?(<!-- diagnostic-codes:end -->)/,
    (_m, start: string, end: string) => `${start}${diagnosticCodesTable()}${end}`,
  );
}

if (process.argv[1]?.endsWith('update-readme.ts')) {
  writeFileSync(README, withGeneratedParts(readFileSync(README, 'utf8')));
}

/**
 * `yusuan schema` prints the JSON Schema generated from the zod schemas; every document
 * that convert produces must validate against it with an independent validator (ajv).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers.js';
import { tempDir, yusuan } from './run.js';

describe('yusuan schema', () => {
  const printed = yusuan(['schema']);
  const schema = JSON.parse(printed.stdout);

  it('prints a draft 2020-12 JSON Schema of the document with the SPEC fields', () => {
    expect(printed.status).toBe(0);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'source', 'fiscalYear', 'department', 'overview', 'projects', 'diagnostics']));
  });

  it('validates every document converted from the fixtures, and rejects a broken one', () => {
    const out = tempDir();
    // The hostile inputs run their workers out of memory: a lower limit gets there sooner.
    yusuan(['convert', fixturePath('fixtures'), fixturePath('test/inputs'), '-o', out, '-q', '--max-memory', '300']);
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const files = readdirSync(join(out, 'json'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const entry of files) {
      const doc = JSON.parse(readFileSync(join(entry.parentPath, entry.name), 'utf8'));
      expect(validate(doc) ? null : { file: entry.name, errors: validate.errors }).toBeNull();
    }
    const broken = JSON.parse(readFileSync(join(out, 'json/docx/lunan-kexie-2025.docx.json'), 'utf8'));
    broken.projects[0].budget.total.yuan = '110000';
    expect(validate(broken)).toBe(false);
  });
});

/**
 * `yusuan diff` as a user runs it: exit status 0 without differences, 1 with, 2 on error;
 * the four formats, -o, directories of sources and of document JSON, and `yusuan schema diff`.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers.js';
import { tempDir, yusuan } from '../cli/run.js';
import { NEW_DOCX, OLD_DOCX } from './helpers.js';

describe('yusuan diff: exit status and formats', () => {
  it('exits 0 and says so when there is no difference', () => {
    const run = yusuan(['diff', NEW_DOCX, NEW_DOCX]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('没有差异。');
    expect(run.stderr).toBe('');
  });

  it('exits 1 with differences and prints the Markdown report by default (the snapshot)', () => {
    const run = yusuan(['diff', OLD_DOCX, NEW_DOCX]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(readFileSync(fixturePath('test/diff/__snapshots__/lunan-kexie-2024-2025.zh.md'), 'utf8'));
  });

  it('prints CSV, JSON and HTML with --format, English Markdown with --lang en', () => {
    expect(yusuan(['diff', OLD_DOCX, NEW_DOCX, '--format', 'csv']).stdout).toBe(readFileSync(fixturePath('test/diff/__snapshots__/lunan-kexie-2024-2025.csv'), 'utf8'));
    expect(yusuan(['diff', OLD_DOCX, NEW_DOCX, '--lang', 'en']).stdout).toBe(readFileSync(fixturePath('test/diff/__snapshots__/lunan-kexie-2024-2025.en.md'), 'utf8'));
    const json = JSON.parse(yusuan(['diff', OLD_DOCX, NEW_DOCX, '--format', 'json']).stdout);
    expect(json.summary.changes).toBe(28);
    const html = yusuan(['diff', OLD_DOCX, NEW_DOCX, '--format', 'html', '--lang', 'en']);
    expect(html.status).toBe(1);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
  });

  it('writes to a file with -o and prints nothing', () => {
    const out = join(tempDir(), 'report', 'diff.html');
    const run = yusuan(['diff', OLD_DOCX, NEW_DOCX, '--format', 'html', '-o', out]);
    expect([run.status, run.stdout]).toEqual([1, '']);
    expect(readFileSync(out, 'utf8')).toContain('<h1>绩效目标年度对比</h1>');
  });

  it('compares directories: sources against document JSON, paired by department', () => {
    const old = tempDir();
    const converted = tempDir();
    expect(yusuan(['convert', OLD_DOCX, fixturePath('fixtures/docx/gridbefore-2025.docx'), '-o', converted, '-q']).status).toBe(0);
    expect(existsSync(join(converted, 'report.json'))).toBe(true);
    copyFileSync(fixturePath(OLD_DOCX), join(old, 'lunan-kexie-2024.docx'));
    const current = tempDir();
    mkdirSync(join(current, 'lunan'));
    copyFileSync(fixturePath(NEW_DOCX), join(current, 'lunan', 'kexie.docx'));
    copyFileSync(fixturePath('fixtures/docx/gridbefore-2025.docx'), join(current, 'gridbefore.docx'));

    const fromJson = JSON.parse(yusuan(['diff', converted, current, '--format', 'json']).stdout);
    expect(fromJson.documents.map((d: { status: string; pairedBy: string | null }) => [d.status, d.pairedBy])).toEqual([
      ['paired', 'department-code'],
      ['paired', 'department-code'],
    ]);
    expect(fromJson.summary).toMatchObject({ changes: 28, documents: { paired: 2, added: 0, removed: 0 } });

    const fromSources = yusuan(['diff', old, current, '--format', 'json']);
    expect(fromSources.status).toBe(1);
    const diff = JSON.parse(fromSources.stdout);
    expect(diff.documents.map((d: { status: string; new: { path: string } | null }) => [d.status, d.new?.path.slice(current.length + 1)])).toEqual([
      ['added', 'gridbefore.docx'],
      ['paired', 'lunan/kexie.docx'],
    ]);
    expect(diff.summary.projects).toMatchObject({ added: 2, removed: 1, changed: 2 });
  });
});

describe('yusuan diff: errors exit 2', () => {
  it.each([
    [['diff', OLD_DOCX], 'yusuan: diff needs two arguments, <old> and <new>; got 1'],
    [['diff', OLD_DOCX, NEW_DOCX, '--format', 'xml'], 'yusuan: unknown format "xml" (choose from md, csv, json, html)'],
    [['diff', OLD_DOCX, NEW_DOCX, '--lang', 'fr'], 'yusuan: unknown language "fr" (choose from zh, en)'],
  ])('%j', (args, message) => {
    const run = yusuan(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${message}\nTry 'yusuan --help'.\n`);
  });

  it('names an input that is missing or cannot be read', () => {
    const missing = yusuan(['diff', 'no/such.docx', NEW_DOCX]);
    expect([missing.status, missing.stdout, missing.stderr]).toEqual([2, '', 'yusuan diff: no/such.docx: no such file or directory\n']);
    const broken = yusuan(['diff', 'test/inputs/bad/not-a-zip.docx', NEW_DOCX]);
    expect([broken.status, broken.stderr]).toEqual([2, 'yusuan diff: test/inputs/bad/not-a-zip.docx: not a .docx (no zip signature)\n']);
    const empty = yusuan(['diff', tempDir(), NEW_DOCX]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/: no document JSON, \.docx or \.pdf found\n$/);
  });

  it('--help prints the usage and exits 0', () => {
    const run = yusuan(['diff', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: yusuan diff <old> <new> [options]');
  });
});

describe('yusuan schema diff', () => {
  it('prints the JSON Schema of the diff JSON', () => {
    const run = yusuan(['schema', 'diff']);
    expect(run.status).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('yusuan diff');
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'summary', 'documents']));
  });
});

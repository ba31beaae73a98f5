/**
 * The four renderings of the seed department's 2024 → 2025 diff: Markdown (Chinese and
 * English) and CSV as file snapshots (test/diff/__snapshots__/, reviewed by hand), JSON
 * against its schema, and the HTML page: self-contained, and holding every change.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { allChanges } from '../../src/diff/changes.js';
import { DIFF_CSV_COLUMNS, renderCsv } from '../../src/diff/render/csv.js';
import { escapeHtml, renderHtml } from '../../src/diff/render/html.js';
import { renderJson } from '../../src/diff/render/json.js';
import { renderMarkdown } from '../../src/diff/render/markdown.js';
import { subjectOf, TEXT_KINDS, valueOf } from '../../src/diff/render/present.js';
import { diffJsonSchema } from '../../src/schema/diff.js';
import { readCsv, tempDir } from '../cli/run.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDiff } from './helpers.js';

describe('Markdown rendering', () => {
  it('in Chinese (default): summary, projects added and removed, a section per changed project', async () => {
    await expect(renderMarkdown(await seedDiff(), 'zh')).toMatchFileSnapshot('__snapshots__/lunan-kexie-2024-2025.zh.md');
  });

  it('in English', async () => {
    await expect(renderMarkdown(await seedDiff(), 'en')).toMatchFileSnapshot('__snapshots__/lunan-kexie-2024-2025.en.md');
  });

  it('labels changes in Chinese as auditors write them', async () => {
    const text = renderMarkdown(await seedDiff(), 'zh');
    for (const word of ['新增项目', '删除项目', '调高', '调低', '预算变化', '依据变化', '202[-4-]{+5+}年支持市县']) expect(text).toContain(word);
  });
});

describe('CSV rendering', () => {
  it('has one row per change under stable English columns', async () => {
    const diff = await seedDiff();
    const csv = renderCsv(diff);
    await expect(csv).toMatchFileSnapshot('__snapshots__/lunan-kexie-2024-2025.csv');
    const file = join(tempDir(), 'diff.csv');
    writeFileSync(file, csv);
    const rows = readCsv(file);
    expect(rows[0]).toEqual([...DIFF_CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + diff.summary.changes);
    expect(rows.slice(1).map((r) => r[8])).toEqual(allChanges(diff.documents).map((c) => c.kind));
  });
});

describe('JSON rendering', () => {
  it('validates against the JSON Schema generated from the zod schema', async () => {
    const json = JSON.parse(renderJson(await seedDiff()));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(diffJsonSchema());
    expect(validate(json) ? null : validate.errors).toBeNull();
    json.summary.changes = 'many';
    expect(validate(json)).toBe(false);
  });
});

describe('HTML rendering', () => {
  it('is one self-contained page: no external URL of any kind', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const html = renderHtml(await seedDiff(), lang);
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).not.toMatch(/https?:/i);
      expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?[^"'\s>]*\/\//i);
      expect(html).not.toContain('//');
      expect(html).not.toMatch(/<link\b/i);
      expect(html).not.toMatch(/<script[^>]*\bsrc\b/i);
      expect(html).not.toMatch(/url\(/i);
      expect(html).not.toMatch(/@import/i);
    }
  });

  it('starts with the summary: projects added/removed/changed, indicators raised/lowered, budget total old → new and delta', async () => {
    const html = renderHtml(await seedDiff(), 'zh');
    const summary = html.slice(html.indexOf('<section id="summary">'), html.indexOf('</section>'));
    expect(html.indexOf('<section id="summary">')).toBeLessThan(html.indexOf('<section id="filter">'));
    for (const row of ['<td>新增项目</td><td>1</td>', '<td>删除项目</td><td>1</td>', '<td>变化项目</td><td>2</td>', '<td>调高指标</td><td>3</td>', '<td>调低指标</td><td>1</td>']) {
      expect(summary).toContain(row);
    }
    expect(summary).toContain('145,000 → 180,000（+35,000，+24.14%）');
  });

  it('holds every change as a row marked with its kind, old and new values and text diff', async () => {
    const diff = await seedDiff();
    const html = renderHtml(diff, 'zh');
    const changes = allChanges(diff.documents);
    expect(html.match(/<tr data-kind="/g)).toHaveLength(changes.length);
    const rows = [...html.matchAll(/<tr data-kind="([^"]+)"[\s\S]*?<\/tr>/g)].map((m) => ({ kind: m[1], html: m[0] }));
    for (const change of changes) {
      const fragments: string[] = [];
      if (change.kind !== 'project-added' && change.kind !== 'project-removed') fragments.push(escapeHtml(subjectOf(change, 'zh')));
      for (const value of [change.old, change.new]) if (!TEXT_KINDS.has(change.kind) && value !== null) fragments.push(escapeHtml(valueOf(change, value)));
      for (const segment of change.segments ?? []) {
        if (segment.op !== 'equal' && TEXT_KINDS.has(change.kind)) fragments.push(`<${segment.op === 'delete' ? 'del' : 'ins'}>${escapeHtml(segment.text)}</`);
      }
      const at = rows.findIndex((row) => row.kind === change.kind && fragments.every((f) => row.html.includes(f)));
      expect(at, `${change.kind} ${change.indicator ?? change.field}: ${fragments.join(' ')}`).toBeGreaterThanOrEqual(0);
      rows.splice(at, 1);
    }
    expect(rows).toEqual([]);
  });

  it('colours rows by kind and filters them with a checkbox per kind present, in a script that parses', async () => {
    const diff = await seedDiff();
    const html = renderHtml(diff, 'en');
    const kinds = new Set(allChanges(diff.documents).map((c) => c.kind));
    for (const kind of kinds) expect(html).toContain(`<input type="checkbox" value="${kind}" checked>`);
    expect(html.match(/<input type="checkbox"/g)).toHaveLength(kinds.size);
    expect(html).toMatch(/<tr data-kind="raised" class="c-raised">/);
    expect(html).toMatch(/<tr data-kind="lowered" class="c-lowered">/);
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(() => new Function(script)).not.toThrow();
  });
});

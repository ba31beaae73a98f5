/**
 * The command README tells a new user to type, as npm installed it: `npx yusuan` runs the
 * built CLI (dist/, made by `npm ci` through `prepare`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, ROOT } from '../helpers.js';
import { tempDir } from './run.js';

describe('npx yusuan', () => {
  it('is an executable script with a node shebang', () => {
    const bin = fixturePath('dist/cli/main.js');
    expect(statSync(bin).mode & 0o111).not.toBe(0);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('converts a fixture from the repository root', () => {
    const out = tempDir();
    const run = spawnSync('npx', ['--no-install', 'yusuan', 'convert', 'fixtures/docx/lunan-kexie-2025.docx', '-o', out, '-q'], { cwd: ROOT, encoding: 'utf8' });
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(JSON.parse(readFileSync(`${out}/json/lunan-kexie-2025.docx.json`, 'utf8')).projects).toHaveLength(3);
  });
});

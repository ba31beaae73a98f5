/**
 * The library leaves its host alone (issue 13): a program that imports yusuan and converts a
 * PDF in its own process finds its built-ins and global scope as they were. pdf.js's legacy
 * build replaces Array.prototype.push, JSON.parse and Function.prototype.toString while it
 * loads, and yusuan lends pdf.js a FontFace while a document is open. Run in a fresh Node
 * process on the built package, as a host program would.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fixturePath, ROOT } from '../helpers.js';
import { CHILD_TIMEOUT_MS } from '../limits.js';

const HOST = `
const push = Array.prototype.push, parse = JSON.parse, toString = Function.prototype.toString;
const hadFontFace = 'FontFace' in globalThis;
const { convertFile } = await import(${JSON.stringify(`${ROOT}/dist/index.js`)});
const afterImport = [Array.prototype.push === push, JSON.parse === parse, Function.prototype.toString === toString, 'FontFace' in globalThis === hadFontFace];
const conversion = await convertFile(${JSON.stringify(fixturePath('fixtures/pdf/central-2025.pdf'))});
const afterConvert = [Array.prototype.push === push, JSON.parse === parse, Function.prototype.toString === toString, 'FontFace' in globalThis === hadFontFace];
console.log(JSON.stringify({ afterImport, afterConvert, status: conversion.status, projects: conversion.document?.projects.length ?? 0 }));
`;

describe('a host program that imports yusuan', () => {
  it('keeps Array.prototype.push, JSON.parse, Function.prototype.toString and has no FontFace after converting a PDF', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', HOST], { encoding: 'utf8', timeout: CHILD_TIMEOUT_MS });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ afterImport: [true, true, true, true], afterConvert: [true, true, true, true], status: 'ok', projects: 3 });
  });
});

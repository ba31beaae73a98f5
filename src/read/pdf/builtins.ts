/**
 * pdf.js's legacy build (the one that runs on Node 20) bundles core-js, which on Node 20
 * replaces working built-ins with JavaScript versions: Array.prototype.push, JSON.parse
 * and Function.prototype.toString. The replaced push alone took 15% of a PDF conversion
 * and slowed every other module in the process. This module is imported before pdf.js
 * (first import of ./index.ts) to keep the originals, and restoreBuiltins() puts them back
 * once pdf.js is loaded; pdf.js works unchanged with the engine's own versions.
 */
const push = Array.prototype.push;
const parse = JSON.parse;
const functionToString = Function.prototype.toString;

export function restoreBuiltins(): void {
  if (Array.prototype.push !== push) Object.defineProperty(Array.prototype, 'push', { value: push, writable: true, configurable: true, enumerable: false });
  if (JSON.parse !== parse) Object.defineProperty(JSON, 'parse', { value: parse, writable: true, configurable: true, enumerable: false });
  if (Function.prototype.toString !== functionToString) {
    Object.defineProperty(Function.prototype, 'toString', { value: functionToString, writable: true, configurable: true, enumerable: false });
  }
}

/**
 * A worker's own watch on its resident set (src/batch/serve.ts): it stops a worker that
 * allocates past the limit in one synchronous stretch, when its own thread never yields and
 * the pool polls only every 25 ms, and says why on stderr.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RESIDENT_SET_EXCEEDED } from '../../src/batch/serve.js';
import { fixturePath } from '../helpers.js';

describe('watchResidentSet', () => {
  it('kills a process that fills buffers past the limit without yielding, before it gets far past it', () => {
    const script = [
      `const { watchResidentSet } = await import(${JSON.stringify(fixturePath('src/batch/serve.ts'))});`,
      'const { writeSync } = await import("node:fs");',
      'watchResidentSet();',
      'await new Promise((r) => setTimeout(r, 300));', // the watcher thread starts
      'const hoard = [];',
      'for (let i = 1; i <= 200; i++) { hoard.push(Buffer.alloc(4 * 1024 * 1024, 1)); writeSync(2, `allocated ${i * 4}\\n`); for (let t = Date.now(); Date.now() - t < 2;); }',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, YUSUAN_WORKER_MAX_RSS_MB: '300' },
      timeout: 60_000,
    });
    expect(run.signal).toBe('SIGKILL');
    expect(run.stderr).toContain(`${RESIDENT_SET_EXCEEDED} (300 MB)`);
    const allocated = Math.max(...[...run.stderr.matchAll(/allocated (\d+)/gu)].map((m) => Number(m[1])));
    // The process itself holds some tens of MB before it allocates: what it filled at its
    // death is below the limit, and far below the 800 MB the loop would reach.
    expect(allocated).toBeGreaterThan(100);
    expect(allocated).toBeLessThan(300);
  });
});

/**
 * Converting a legacy Office file with LibreOffice (`soffice --headless --convert-to`), so
 * that the .docx and .xlsx readers read it. Only the bytes are handed over, in a private
 * temporary directory, and LibreOffice runs under the file's time limit in a process group
 * of its own, so that the whole tree (soffice → oosplash → soffice.bin) is ended with it.
 *
 * Process-global state, on purpose and nothing else: the LibreOffice profiles this process
 * made (a conversion with a new profile took 4.0 s here, with a used one 3.8 s; and two
 * instances must never share one, since LibreOffice locks it), the process groups still
 * running and the conversion folders in use, all cleaned up when the process exits.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError, oneLine } from '../errors.js';

/** Without a per-file limit from the caller, LibreOffice gets as long as the CLI's default. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/**
 * LibreOffice is stopped this long before the caller's limit, so that it is this module,
 * not the batch pool killing the whole worker, that ends it (and says why). A fifth of a
 * short limit.
 */
export const TIMEOUT_MARGIN_MS = 1_500;
/** What is kept of LibreOffice's output to explain a failure. */
const OUTPUT_KEPT = 8 * 1024;
/** Profiles and conversion folders: `<tmp>/yusuan-lo-<pid>-XXXXXX`, so that strays can be told. */
const PROFILE_PREFIX = 'yusuan-lo-profile-';
const WORK_PREFIX = 'yusuan-lo-';

/** The program names looked up on PATH, in order (Debian installs both; some systems only one). */
const PROGRAM_NAMES = ['soffice', 'libreoffice'];

/**
 * The LibreOffice program to run: `configured` when given (null: none, as if not installed),
 * else the first `soffice` or `libreoffice` on PATH. Looked up at each call, so installing
 * LibreOffice during a long-lived process is seen by the next file.
 */
export function findSoffice(configured: string | null | undefined): string | null {
  if (configured === null) return null;
  if (configured !== undefined) return isExecutable(configured) ? configured : null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const name of PROGRAM_NAMES) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export interface ConversionRequest {
  soffice: string;
  bytes: Uint8Array;
  /** The input's extension for LibreOffice's type detection (`doc`, `xls`). */
  inputExtension: string;
  /** `docx:MS Word 2007 XML` or `xlsx:Calc MS Excel 2007 XML`. */
  target: string;
  /** The output file's extension. */
  outputExtension: string;
  /** What the file is, for messages: `legacy Word file`. */
  label: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

// ---- process-global state: profiles and live process groups --------------------------

/** Profiles of this process not in use; one is made when none is free. */
const idleProfiles: string[] = [];
/** Every profile this process made, removed at exit. */
const madeProfiles = new Set<string>();
/** Process groups of LibreOffice runs not yet ended, killed at exit. */
const liveGroups = new Set<number>();
/** Conversion folders in use, removed at exit (a conversion cut short skips its finally). */
const liveWork = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' runs on process.exit() and a natural end (the pool closing a worker's channel).
  // A worker killed outright runs nothing: then the watchdog in WATCHDOG ends LibreOffice.
  process.on('exit', () => {
    for (const group of liveGroups) killGroup(group);
    for (const dir of [...madeProfiles, ...liveWork]) rmSync(dir, { recursive: true, force: true });
  });
}

function takeProfile(): string {
  const idle = idleProfiles.pop();
  if (idle) return idle;
  installExitHook();
  const dir = mkdtempSync(join(tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
  madeProfiles.add(dir);
  return dir;
}

/** A profile whose LibreOffice was killed may hold a lock or half-written files: dropped. */
function returnProfile(dir: string, healthy: boolean): void {
  if (healthy) {
    idleProfiles.push(dir);
    return;
  }
  madeProfiles.delete(dir);
  // LibreOffice was just killed: a file it had open may still be going away.
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Profiles and conversion folders left by processes that were killed outright (a worker
 * past its memory limit or its time, a test runner's worker): their pid is in the name; those
 * whose process is gone are removed at each conversion (a listing of the temporary folder,
 * next to seconds of LibreOffice).
 */
const STRAY = /^yusuan-lo-(?:profile-)?(\d+)-[A-Za-z0-9]{6}$/u;

function removeStrays(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const match = STRAY.exec(name);
    if (!match || Number(match[1]) === process.pid || processAlive(Number(match[1]))) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function killGroup(group: number): void {
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    // ESRCH: the group is gone already.
  }
  liveGroups.delete(group);
}

// ---- one conversion ----------------------------------------------------------------

/**
 * The shell that runs LibreOffice, as the leader of its process group. Its standard input
 * is a pipe from this process: when this process is gone however it died (SIGKILL from the
 * pool, a crash), the pipe reads end-of-file and the watchdog kills the whole group, so no
 * LibreOffice outlives the conversion that started it. Background jobs of a shell read
 * /dev/null, hence fd 3.
 */
const WATCHDOG = [
  'exec 3<&0',
  '"$@" </dev/null 3<&- &',
  'child=$!',
  '( read -r _ <&3; kill -KILL 0 ) &',
  'watch=$!',
  'wait "$child"',
  'status=$?',
  'kill "$watch" 2>/dev/null',
  'exit "$status"',
].join('\n');

/** Convert the bytes; returns the bytes of the file LibreOffice wrote. */
export async function convertWithLibreOffice(request: ConversionRequest): Promise<Uint8Array> {
  const limitMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const runMs = Math.max(0, limitMs - Math.min(TIMEOUT_MARGIN_MS, limitMs / 5));
  removeStrays();
  const work = await mkdtemp(join(tmpdir(), `${WORK_PREFIX}${process.pid}-`));
  liveWork.add(work);
  const profile = takeProfile();
  let healthy = false;
  try {
    const input = join(work, `input.${request.inputExtension}`);
    const outdir = join(work, 'out');
    await writeFile(input, request.bytes, { mode: 0o600 });
    const args = [
      '--headless',
      '--norestore',
      '--nologo',
      '--nolockcheck',
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--convert-to',
      request.target,
      '--outdir',
      outdir,
      input,
    ];
    const run = await runGroup(request.soffice, args, runMs, request.signal);
    if (run.ended === 'timeout') throw new InputError('timeout', `timed out after ${formatSeconds(limitMs)} s (LibreOffice converting the ${request.label}); not read`);
    if (run.ended === 'aborted') throw new InputError('timeout', `LibreOffice was stopped converting the ${request.label} (${abortReason(request.signal)}); not read`);
    healthy = true;
    const produced = (await readdir(outdir).catch(() => [] as string[])).filter((name) => name.endsWith(`.${request.outputExtension}`));
    const output = produced[0];
    if (run.code !== 0 || output === undefined) {
      const why = run.code !== 0 ? `exit code ${run.code ?? run.signal}` : 'no output file';
      const said = meaningfulLine(run.output);
      throw new InputError('conversion-failed', `LibreOffice could not convert the ${request.label} (${why}${said ? `: ${said}` : ''}); not read`);
    }
    return new Uint8Array(await readFile(join(outdir, output)));
  } finally {
    returnProfile(profile, healthy);
    await rm(work, { recursive: true, force: true });
    liveWork.delete(work);
  }
}

interface RunResult {
  ended: 'exit' | 'timeout' | 'aborted';
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Standard output and error, interleaved, cut at OUTPUT_KEPT. */
  output: string;
}

function runGroup(program: string, args: string[], runMs: number, signal: AbortSignal | undefined): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return resolve({ ended: 'aborted', code: null, signal: null, output: '' });
    if (runMs <= 0) return resolve({ ended: 'timeout', code: null, signal: null, output: '' });
    const child = spawn('/bin/sh', ['-c', WATCHDOG, 'yusuan-libreoffice', program, ...args], {
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer): void => {
      if (output.length < OUTPUT_KEPT) output += chunk.toString('utf8').slice(0, OUTPUT_KEPT - output.length);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    // The watchdog's pipe: never written, only held open.
    child.stdin.on('error', () => undefined);
    let ended: RunResult['ended'] = 'exit';
    const group = child.pid;
    if (group !== undefined) liveGroups.add(group);
    const stop = (why: RunResult['ended']): void => {
      ended = why;
      if (group !== undefined) killGroup(group);
    };
    const timer = setTimeout(() => stop('timeout'), runMs);
    const onAbort = (): void => stop('aborted');
    signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (group !== undefined) killGroup(group);
      reject(new InputError('conversion-failed', `LibreOffice could not be started (${error.message})`));
    });
    child.on('exit', (code, exitSignal) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      // Whatever LibreOffice left running in its group (a soffice.bin that forked away) goes too.
      if (group !== undefined) killGroup(group);
      child.stdin.destroy();
      resolve({ ended, code, signal: exitSignal, output });
    });
  });
}

/**
 * The first line of LibreOffice's output that says something: not the javaldx warning every
 * headless start prints, nor the `convert … using filter` progress line. Shown as one line.
 */
export function meaningfulLine(output: string): string | null {
  for (const raw of output.split(/\r?\n/u)) {
    const line = raw.trim();
    if (line === '' || /^Warning: failed to launch javaldx/u.test(line) || /^convert .* using filter/u.test(line)) continue;
    // The temporary folder's path says nothing to the user and differs at each run.
    return oneLine(line.replace(/\/[^\s]*yusuan-lo-[^\s]*/gu, '<input>')).slice(0, 200);
  }
  return null;
}

function formatSeconds(ms: number): string {
  return ms >= 10_000 ? String(Math.round(ms / 1000)) : (Math.round(ms / 100) / 10).toString();
}

function abortReason(signal: AbortSignal | undefined): string {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') return 'timed out';
  // abort() without a reason gives an AbortError whose message says nothing more.
  return reason instanceof Error && reason.name !== 'AbortError' ? reason.message : 'interrupted';
}

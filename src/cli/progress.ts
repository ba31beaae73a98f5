/**
 * What a run says on stderr: a live progress line when stderr is a terminal, one line per
 * input that failed or is partial (always, even with --quiet: a failure must not pass
 * unseen), and a closing summary.
 */
import { oneLine } from '../read/errors.js';
import type { Conversion } from '../convert.js';
import type { ReportInput } from '../export/outputs.js';

/** Without a terminal, a plain progress line this often. */
const PLAIN_EVERY_MS = 5000;

export class Progress {
  done = 0;
  private failures = 0;
  private lastPlain = performance.now();
  private readonly started = performance.now();
  private readonly live: boolean;

  constructor(
    private readonly total: number,
    private readonly quiet: boolean,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {
    this.live = !quiet && out.isTTY === true;
  }

  /** A message line, printed above the live line. */
  line(text: string): void {
    this.clear();
    // File names and reasons come from outside: one line, whatever bytes they hold.
    this.out.write(`${text.split('\n').map(oneLine).join('\n')}\n`);
  }

  tick(conversion: Conversion): void {
    this.done++;
    if (conversion.status === 'failed') this.failures++;
    if (this.quiet) return;
    const now = performance.now();
    if (this.live) this.out.write(`\r\x1b[K${this.status(now)}`);
    else if (now - this.lastPlain >= PLAIN_EVERY_MS && this.done < this.total) {
      this.lastPlain = now;
      this.out.write(`${this.status(now)}\n`);
    }
  }

  private status(now: number): string {
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const eta = rate > 0 ? Math.round((this.total - this.done) / rate) : 0;
    return `${this.done}/${this.total} files, ${rate.toFixed(1)} files/s, ETA ${eta}s, ${this.failures} failed`;
  }

  summary(entries: readonly ReportInput[], outDir: string, skipped = 0): void {
    this.clear();
    if (this.quiet) return;
    const count = (s: ReportInput['status']) => entries.filter((e) => e.status === s).length;
    const warnings = entries.reduce((n, e) => n + e.warnings, 0);
    // Failed inputs count one error each in report.json; here only findings in documents.
    const errors = entries.reduce((n, e) => n + (e.status === 'failed' ? 0 : e.errors), 0);
    const seconds = (performance.now() - this.started) / 1000;
    this.out.write(
      `${entries.length} input(s): ${count('ok')} ok, ${count('partial')} partial, ${count('failed')} failed${skipped > 0 ? `, ${skipped} skipped` : ''}; ` +
        `${warnings} warning(s)${errors > 0 ? `, ${errors} error-level finding(s)` : ''}; ${seconds.toFixed(1)} s (${(entries.length / Math.max(seconds, 1e-3)).toFixed(1)} files/s); output in ${outDir}/\n`,
    );
  }

  private clear(): void {
    if (this.live) this.out.write('\r\x1b[K');
  }
}

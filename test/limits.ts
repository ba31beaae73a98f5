/**
 * The time limits of the test suite, in one place. Each guards against a hang, never checks
 * speed: a correct run on a busy 2-core machine must stay far inside them (speed is measured
 * by `npm run bench`). When one fires, the message says how long the thing ran.
 */

/** A spawned `yusuan` command (the slowest converts 40 PDFs twice in about 20 s alone). */
export const CHILD_TIMEOUT_MS = 10 * 60_000;

/** One test, and one hook. */
export const TEST_TIMEOUT_MS = 15 * 60_000;

/**
 * How long a `slow` file keeps the misbehaving test worker (test/batch/faulty-worker.ts)
 * busy: long enough that the other worker converts two files meanwhile, even while its
 * sources still compile through tsx.
 */
export const SLOW_MS = 4000;

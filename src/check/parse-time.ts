/**
 * The schedule and basis rules. The normalizer finds these while it parses the cells
 * (src/normalize/schedule.ts, src/normalize/basis.ts) and stores them on the document,
 * so they are not found a second time here: `yusuan check` reports the stored ones.
 */
import type { Rule } from './rule.js';

export const PARSE_TIME_RULES: readonly Rule[] = [
  { code: 'SCHEDULE_NOT_CUMULATIVE', family: 'schedule', checks: 'spend-schedule percents decrease, or look per-period (sum to 100 but end below it)', run: null },
  { code: 'SCHEDULE_NOT_ENDING_AT_100', family: 'schedule', checks: 'the last spend-schedule point is not 100%', run: null },
  { code: 'SCHEDULE_ABOVE_100', family: 'schedule', checks: 'a spend-schedule point above 100%', run: null },
  { code: 'BASIS_MALFORMED', family: 'basis', checks: 'a 指标值确定依据 that looks like a document number but does not parse (`湘财绩〔20207号`)', run: null },
];

import type { Template } from '../template.js';
import { central } from './central.js';
import { hebei } from './hebei.js';
import { selfEvaluation } from './self-evaluation.js';
import { separateColumns } from './separate-columns.js';

/**
 * Every known template. The engine reads each table with every template and keeps the
 * one that recognizes the most labels (the first on a tie), so list the narrower first.
 */
export const TEMPLATES: readonly Template[] = [hebei, central, separateColumns, selfEvaluation];

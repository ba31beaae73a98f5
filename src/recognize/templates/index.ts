import type { Template } from '../template.js';
import { hebei } from './hebei.js';

/** Every known template. The engine tries each on every table and keeps the best match. */
export const TEMPLATES: readonly Template[] = [hebei];

/** The JSON rendering: the diff itself, checked against its zod schema on the way out. */
import { Diff } from '../../schema/diff.js';

export function renderJson(diff: Diff): string {
  return `${JSON.stringify(Diff.parse(diff), null, 2)}\n`;
}

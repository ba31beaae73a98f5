/**
 * How a change reads in the Markdown and HTML renderings: the subject it is about, its old
 * and new values, and its delta, in the chosen language. Text changes show their
 * character diff instead of old and new (the diff holds both).
 */
import type { ChangeKind, TextSegment } from '../../schema/diff.js';
import type { Change } from '../changes.js';
import { aside, FIELD_LABELS, KIND_LABELS, say, type Lang } from '../labels.js';

/** Kinds whose old and new are texts shown as one character diff. */
export const TEXT_KINDS: ReadonlySet<ChangeKind> = new Set(['project-renamed', 'purpose-changed', 'goal-changed', 'description-changed', 'indicator-renamed']);

const MONEY_KINDS: ReadonlySet<ChangeKind> = new Set(['budget-changed', 'project-added', 'project-removed']);

/** `1234567.5` → `1,234,567.5`. */
export function groupDigits(value: number): string {
  const [whole = '', fraction] = String(Math.abs(value)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

export function signed(value: number, format: (n: number) => string = String): string {
  return value > 0 ? `+${format(value)}` : format(value);
}

export function kindLabel(kind: ChangeKind, lang: Lang): string {
  return KIND_LABELS[kind][lang];
}

export function fieldLabel(field: string, lang: Lang): string {
  return FIELD_LABELS[field]?.[lang] ?? field;
}

/** What the change is about: a budget field, a schedule point, a text, or an indicator (and its part). */
export function subjectOf(change: Change, lang: Lang): string {
  if (change.indicator !== null) {
    if (change.field === null || change.field === 'target') return change.indicator;
    return change.indicator + aside(fieldLabel(change.field, lang), lang);
  }
  return change.field === null ? '' : fieldLabel(change.field, lang);
}

/** An old or new value as shown: yuan grouped, schedule points as percents, texts as they are. */
export function valueOf(change: Change, value: string | number | null): string {
  if (value === null || TEXT_KINDS.has(change.kind)) return '';
  if (typeof value === 'string') return value;
  if (MONEY_KINDS.has(change.kind)) return groupDigits(value);
  if (change.kind === 'schedule-changed') return `${value}%`;
  return String(value);
}

/** The delta as shown: `+10,000 元（+10%）`, `+5 个百分点`, `+5次`; '' when there is none. */
export function deltaOf(change: Change, lang: Lang): string {
  if (change.delta === null) return '';
  if (MONEY_KINDS.has(change.kind)) {
    const amount = `${signed(change.delta, groupDigits)} ${say('yuan', lang)}`;
    if (change.percent === null) return amount;
    return amount + aside(`${signed(change.percent)}%`, lang);
  }
  if (change.kind === 'schedule-changed') return `${signed(change.delta)} ${say('points', lang)}`;
  return signed(change.delta) + (change.unit ?? '');
}

/** Where text shows a line break in one-line renderings. */
export const LINE_BREAK = '⏎';

/**
 * Segments as one line: `[-deleted-]{+inserted+}` around the changes; with `context`,
 * unchanged runs keep only that many characters next to a change (`…` marks the cut).
 */
export function inlineDiff(segments: readonly TextSegment[], context: number | null): string {
  const oneLine = (text: string): string => text.replace(/\r?\n/g, LINE_BREAK);
  return segments
    .map((segment, i) => {
      if (segment.op === 'delete') return `[-${oneLine(segment.text)}-]`;
      if (segment.op === 'insert') return `{+${oneLine(segment.text)}+}`;
      const chars = Array.from(oneLine(segment.text));
      if (context === null) return chars.join('');
      const first = i === 0;
      const last = i === segments.length - 1;
      const keep = (first ? 0 : context) + (last ? 0 : context);
      if (chars.length <= keep + 1) return chars.join('');
      const head = first ? '' : chars.slice(0, context).join('');
      const tail = last ? '' : chars.slice(chars.length - context).join('');
      return `${head}…${tail}`;
    })
    .join('');
}

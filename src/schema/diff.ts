/**
 * The year-over-year comparison (`yusuan diff --format json`) as zod schemas: the single
 * source of truth for its JSON, and `yusuan schema diff` prints the JSON Schema generated
 * from them. Like the document schemas: transform-free, types inferred. Codes (change
 * kinds, statuses, match methods) are stable English words; fields may be added, none
 * renamed without bumping DIFF_SCHEMA_VERSION.
 */
import { z } from 'zod';
import { Amount, Department, Generator, Target } from './document.js';

export const DIFF_SCHEMA_VERSION = 1 as const;

/** How a target changed, from the auditor's side: raised = harder to meet. */
export const TargetChangeKind = z
  .enum(['raised', 'lowered', 'operator-changed', 'unit-changed', 'became-qualitative', 'became-quantitative', 'text-only'])
  .meta({ id: 'TargetChangeKind' });

/** Every kind of change, as the CSV `kind` column and the HTML filter name them. */
export const ChangeKind = z
  .enum([
    'project-added',
    'project-removed',
    'code-changed',
    'project-renamed',
    'budget-changed',
    'schedule-changed',
    'purpose-changed',
    'goal-changed',
    'indicator-added',
    'indicator-removed',
    'indicator-renamed',
    ...TargetChangeKind.options,
    'basis-changed',
    'description-changed',
    'line-added',
    'line-removed',
    'line-changed',
  ])
  .meta({ id: 'ChangeKind' });

export const TextSegment = z
  .object({
    op: z.enum(['equal', 'delete', 'insert']),
    text: z.string(),
  })
  .meta({ id: 'TextSegment' });

export const TextChange = z
  .object({
    old: z.string().nullable(),
    new: z.string().nullable(),
    segments: z.array(TextSegment).describe('Character-level diff: equal runs, deleted old text, inserted new text'),
  })
  .meta({ id: 'TextChange' });

export const DocumentRef = z
  .object({
    path: z.string().describe('The file compared: a document JSON, or a .docx/.pdf converted on the fly'),
    sourcePath: z.string().describe("The document's source.path"),
    sha256: z.string().describe("The document's source.sha256"),
    fiscalYear: z.number().int().nullable(),
    department: Department.nullable(),
  })
  .meta({ id: 'DocumentRef' });

export const ProjectRef = z
  .object({
    code: z.string().nullable(),
    name: z.string().nullable(),
    totalYuan: z.number().nullable().describe('预算数 in yuan'),
    page: z.number().int().positive().nullable(),
    tables: z.array(z.number().int().positive()),
  })
  .meta({ id: 'ProjectRef' });

export const ProjectMatch = z
  .object({
    by: z.enum(['code', 'name', 'similarity']).describe('name: equal after removing a leading year (2024年…) and normalizing text'),
    score: z.number().min(0).max(1).nullable().describe('Name similarity for a fuzzy (similarity) match; null otherwise'),
  })
  .meta({ id: 'ProjectMatch' });

export const BudgetField = z.enum(['total', 'fiscal', 'other', 'carryover']);

export const BudgetChange = z
  .object({
    field: BudgetField,
    old: Amount.nullable(),
    new: Amount.nullable(),
    deltaYuan: z.number().nullable().describe('new − old in yuan, exact; a blank source counts as 0, a blank total gives null'),
    percent: z.number().nullable().describe('deltaYuan / old, in percent, two decimals; null when old is 0 or blank'),
  })
  .meta({ id: 'BudgetChange' });

export const ScheduleChange = z
  .object({
    label: z.string(),
    month: z.number().int().min(1).max(12).nullable(),
    old: z.number().nullable().describe('Cumulative percent in the old schedule; null when the point is new or unreadable'),
    new: z.number().nullable(),
    delta: z.number().nullable().describe('new − old in percentage points'),
  })
  .meta({ id: 'ScheduleChange' });

export const IndicatorRef = z
  .object({
    level1: z.string().nullable(),
    level2: z.string().nullable(),
    level3: z.string().nullable(),
    description: z.string().nullable(),
    target: z.string().nullable().describe('指标值 as printed'),
    basis: z.string().nullable().describe('指标值确定依据 as printed'),
    page: z.number().int().positive().nullable(),
    table: z.number().int().positive(),
    row: z.number().int().positive(),
  })
  .meta({ id: 'IndicatorRef' });

export const IndicatorMatch = z
  .object({
    by: z.enum(['levels', 'similarity']).describe('levels: equal (一级, 二级, 三级) after normalization; similarity: similar 三级 under the same 一级'),
    score: z.number().min(0).max(1).nullable(),
  })
  .meta({ id: 'IndicatorMatch' });

export const TargetChange = z
  .object({
    kind: TargetChangeKind,
    old: Target.nullable(),
    new: Target.nullable(),
    delta: z.number().nullable().describe('new − old value in the target unit, for raised and lowered'),
  })
  .meta({ id: 'TargetChange' });

export const LevelChange = TextChange.extend({ field: z.enum(['level1', 'level2', 'level3']) }).meta({ id: 'LevelChange' });

export const BasisChange = z
  .object({
    old: z.string().nullable(),
    new: z.string().nullable(),
  })
  .meta({ id: 'BasisChange' });

export const IndicatorDiff = z
  .object({
    status: z.enum(['added', 'removed', 'changed']),
    match: IndicatorMatch.nullable(),
    old: IndicatorRef.nullable(),
    new: IndicatorRef.nullable(),
    renamed: z.array(LevelChange).describe('Level texts that differ between matched indicators'),
    target: TargetChange.nullable(),
    basis: BasisChange.nullable(),
    description: TextChange.nullable(),
  })
  .meta({ id: 'IndicatorDiff' });

export const ProjectDiff = z
  .object({
    status: z.enum(['added', 'removed', 'changed', 'unchanged']),
    match: ProjectMatch.nullable(),
    old: ProjectRef.nullable(),
    new: ProjectRef.nullable(),
    code: TextChange.nullable(),
    name: TextChange.nullable(),
    purpose: TextChange.nullable(),
    goal: TextChange.nullable(),
    budget: z.array(BudgetChange),
    schedule: z.array(ScheduleChange),
    indicators: z.array(IndicatorDiff).describe('Added, removed and changed indicators; unchanged ones are only counted'),
    indicatorsUnchanged: z.number().int().nonnegative(),
  })
  .meta({ id: 'ProjectDiff' });

export const LineChange = z
  .object({
    status: z.enum(['added', 'removed', 'changed']),
    tableKind: z.string().describe('The kind of standard table (document.tables[].kind)'),
    tableNumber: z.string().nullable().describe('The table number as printed in the new document (the old one for a removed line)'),
    side: z.enum(['income', 'expense']).nullable(),
    code: z.string().nullable(),
    name: z.string().nullable(),
    measure: z.string().describe('Measure id (total, basic, project, …)'),
    measureLabel: z.string(),
    old: z.object({ raw: z.string(), yuan: z.number().nullable() }).nullable(),
    new: z.object({ raw: z.string(), yuan: z.number().nullable() }).nullable(),
    deltaYuan: z.number().nullable().describe('new − old in exact yuan, when both are numbers'),
  })
  .meta({ id: 'LineChange' });

export const DocumentDiff = z
  .object({
    status: z.enum(['paired', 'added', 'removed']),
    pairedBy: z.enum(['arguments', 'department-code', 'department-name', 'path']).nullable(),
    old: DocumentRef.nullable(),
    new: DocumentRef.nullable(),
    projects: z.array(ProjectDiff).describe('Matched and added projects in the new order, then removed ones in the old order'),
    lines: z.array(LineChange).default([]).describe('Added, removed and changed line items of the standard tables, by table kind, code (else name) and measure'),
    linesUnchanged: z.number().int().nonnegative().default(0),
  })
  .meta({ id: 'DocumentDiff' });

const count = z.number().int().nonnegative();

export const DiffSummary = z
  .object({
    documents: z.object({ paired: count, added: count, removed: count }),
    projects: z.object({
      old: count,
      new: count,
      added: count,
      removed: count,
      changed: count,
      unchanged: count,
      fuzzy: count.describe('Matched by name similarity'),
    }),
    indicators: z
      .object({ added: count, removed: count, changed: count, raised: count, lowered: count })
      .describe('Within matched projects'),
    budget: z.object({
      oldTotalYuan: z.number().describe('Sum of the old projects’ 预算数 in yuan (projects without one are left out)'),
      newTotalYuan: z.number(),
      deltaYuan: z.number(),
      percent: z.number().nullable(),
    }),
    lines: z.object({ added: count, removed: count, changed: count }).default({ added: 0, removed: 0, changed: 0 }).describe('Line items of the standard tables'),
    changes: count.describe('Number of changes: the rows of the CSV rendering (project, indicator and line-item changes)'),
  })
  .meta({ id: 'DiffSummary' });

export const Diff = z
  .object({
    schemaVersion: z.literal(DIFF_SCHEMA_VERSION),
    generator: Generator,
    arguments: z.object({ old: z.string(), new: z.string() }),
    summary: DiffSummary,
    documents: z.array(DocumentDiff),
  })
  .meta({ title: 'yusuan diff' });

/** The JSON Schema of a diff, generated from the zod schema (never written by hand). */
export function diffJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Diff, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

export type TargetChangeKind = z.infer<typeof TargetChangeKind>;
export type ChangeKind = z.infer<typeof ChangeKind>;
export type TextSegment = z.infer<typeof TextSegment>;
export type TextChange = z.infer<typeof TextChange>;
export type DocumentRef = z.infer<typeof DocumentRef>;
export type ProjectRef = z.infer<typeof ProjectRef>;
export type ProjectMatch = z.infer<typeof ProjectMatch>;
export type BudgetField = z.infer<typeof BudgetField>;
export type BudgetChange = z.infer<typeof BudgetChange>;
export type ScheduleChange = z.infer<typeof ScheduleChange>;
export type IndicatorRef = z.infer<typeof IndicatorRef>;
export type IndicatorMatch = z.infer<typeof IndicatorMatch>;
export type TargetChange = z.infer<typeof TargetChange>;
export type LevelChange = z.infer<typeof LevelChange>;
export type BasisChange = z.infer<typeof BasisChange>;
export type IndicatorDiff = z.infer<typeof IndicatorDiff>;
export type ProjectDiff = z.infer<typeof ProjectDiff>;
export type DocumentDiff = z.infer<typeof DocumentDiff>;
export type LineChange = z.infer<typeof LineChange>;
export type DiffSummary = z.infer<typeof DiffSummary>;
export type Diff = z.infer<typeof Diff>;

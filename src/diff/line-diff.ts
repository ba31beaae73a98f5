/**
 * Year over year, the standard tables' line items: lines pair by (table kind, stage, the
 * table's place among those of its kind, side, code — else the name without its 一、
 * numbering —, measure id). Added, removed and changed lines, with exact deltas in yuan.
 */
import { withoutNumbering } from '../recognize/line-names.js';
import { exactDifference } from '../check/exact-decimal.js';
import type { BudgetTable, Document } from '../schema/document.js';
import type { LineChange } from '../schema/diff.js';

interface Cell {
  key: string;
  ref: Omit<LineChange, 'status' | 'old' | 'new' | 'deltaYuan'>;
  value: { raw: string; yuan: number | null };
}


function cellsOf(document: Document): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  const seen = new Map<string, number>();
  for (const table of document.tables) {
    const kindKey = `${table.kind}/${table.stage}`;
    const place = seen.get(kindKey) ?? 0;
    seen.set(kindKey, place + 1);
    addTable(cells, table, `${kindKey}#${place}`);
  }
  return cells;
}

function addTable(cells: Map<string, Cell>, table: BudgetTable, tableKey: string): void {
  const panels = new Map<string, number>();
  for (const part of table.parts) {
    // Panels of one side (支出 by 功能分类, then by 经济分类) are told apart by their place.
    const side = part.side ?? '';
    const panel = panels.get(side) ?? 0;
    panels.set(side, panel + 1);
    const partKey = panel === 0 ? side : `${side}#${panel}`;
    for (const line of part.lines) {
      const name = withoutNumbering((line.name ?? '').replace(/\s+/gu, ''));
      const lineKey = line.code ?? `name:${name}`;
      for (const value of line.values) {
        const key = `${tableKey}|${partKey}|${lineKey}|${value.measure}`;
        if (cells.has(key)) continue;
        const measure = part.measures.find((m) => m.id === value.measure);
        cells.set(key, {
          key,
          ref: { tableKind: table.kind, tableNumber: table.number, side: part.side, code: line.code, name: line.name, measure: value.measure, measureLabel: measure?.label ?? value.measure },
          value: { raw: value.raw, yuan: value.yuan },
        });
      }
    }
  }
}

export interface LineDiffResult {
  changes: LineChange[];
  unchanged: number;
}

export function diffLines(old: Document | null, next: Document | null): LineDiffResult {
  const before = old ? cellsOf(old) : new Map<string, Cell>();
  const after = next ? cellsOf(next) : new Map<string, Cell>();
  const changes: LineChange[] = [];
  let unchanged = 0;
  for (const [key, cell] of after) {
    const was = before.get(key);
    if (!was) {
      changes.push({ status: 'added', ...cell.ref, old: null, new: cell.value, deltaYuan: null });
      continue;
    }
    if (was.value.yuan === cell.value.yuan && (was.value.yuan !== null || was.value.raw === cell.value.raw)) {
      unchanged++;
      continue;
    }
    const deltaYuan = was.value.yuan !== null && cell.value.yuan !== null ? exactDifference(cell.value.yuan, was.value.yuan) : null;
    changes.push({ status: 'changed', ...cell.ref, old: was.value, new: cell.value, deltaYuan });
  }
  for (const [key, cell] of before) {
    if (!after.has(key)) changes.push({ status: 'removed', ...cell.ref, old: cell.value, new: null, deltaYuan: null });
  }
  return { changes, unchanged };
}

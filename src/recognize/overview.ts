/**
 * The department-wide part (部门整体绩效目标): sections such as 一、总体绩效目标,
 * 二、分项绩效目标, 三、工作保障措施, each a title, prose and numbered items. Items are
 * auto-numbered list paragraphs (.docx) or paragraphs that start with a printed label
 * (`1.`, `（1）`), which is also how a PDF shows auto-numbering.
 */
import type { Paragraph } from '../read/model.js';
import type { RawOverviewSection } from './records.js';

const SECTION_HEADING = /^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.{2,30}?)[：:]?$/u;
const PART_START = /部门整体(?:支出)?绩效目标/u;
const PART_END = /^(?:第[二三四五]部分|.*(?:预算)?项目(?:支出)?绩效目标(?:表)?$)/u;
const RELEVANT_TITLE = /绩效|目标|保障|措施/u;
const ITEM_LABEL = /^(?:\d{1,2}\s*[.、．](?!\d)|[（(]\d{1,2}[)）]|[①-⑳])\s*/u;

function sectionTitle(p: Paragraph): string | null {
  const label = p.list?.label ?? '';
  const m = SECTION_HEADING.exec(label + p.text);
  return m ? (m[2] as string) : null;
}

/**
 * Sections found in the paragraphs that precede the first performance table. Without the
 * part heading (部门整体绩效目标), only sections whose titles speak of targets or measures
 * are taken, so a disclosure's other numbered chapters are not mistaken for goals.
 */
export function recognizeOverview(paragraphs: readonly Paragraph[]): RawOverviewSection[] {
  const startAt = paragraphs.findIndex((p) => PART_START.test(p.text) && sectionTitle(p) === null);
  const sections: RawOverviewSection[] = [];
  let current: RawOverviewSection | null = null;
  for (const p of paragraphs.slice(startAt + 1)) {
    if (startAt >= 0 && p.text.length <= 30 && PART_END.test(p.text)) break;
    const title = sectionTitle(p);
    if (title !== null) {
      current = startAt >= 0 || RELEVANT_TITLE.test(title) ? { title, paragraphs: [] } : null;
      if (current) sections.push(current);
      continue;
    }
    if (!current) continue;
    const printed = ITEM_LABEL.exec(p.text);
    if (p.list) current.paragraphs.push({ text: p.text, item: true });
    else if (printed) current.paragraphs.push({ text: p.text.slice(printed[0].length), item: true });
    else current.paragraphs.push({ text: p.text, item: false });
  }
  // A heading with nothing under it before the tables start is a chapter title, not a section.
  return sections.filter((s) => s.paragraphs.length > 0);
}

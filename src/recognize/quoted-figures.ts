/**
 * Figures the prose of a disclosure quotes from its standard tables (部门预算情况说明):
 * `2026年收入预算99,230.46万元`, `支出预算总计50,616.94万元`, `一般公共预算当年拨款91,842.80万元`,
 * `“三公”经费预算308.00万元`. Only phrases that can mean one thing are read: the subject must
 * open its clause, or follow the year, 本部门 / 本单位, or the department's name, and the
 * figure must follow it at once — so `基本支出预算1208.20万元`, `项目支出预算增加8313.91万元`
 * and `财政拨款收入预算总计…` are not taken for the department's totals.
 */
import type { DocumentModel } from '../read/model.js';

export type QuotedSubject = 'income-total' | 'expense-total' | 'general-public' | 'three-public';

export interface RawQuotedFigure {
  subject: QuotedSubject;
  /** The phrase as printed, white space removed. */
  text: string;
  /** The figure and its unit as printed. */
  amount: string;
  unit: string;
  page: number | null;
  paragraph: number;
}

const FIGURE = String.raw`([\d,，]+(?:\.\d+)?)(万元|亿元|元)`;
/** What may stand before a subject: a clause start, a year, 本部门, or a name ending as departments' do. */
const OPENING = String.raw`(?:^|[。；;，,：:、（(）)]|20\d{2}年度?|本部门|本单位|相应安排|(?:局|委员会|委|厅|院|中心|支队|大队|办公室|办|所|站|馆|会|部|处|队|室)(?:20\d{2}年度?)?)`;

const PHRASES: readonly [RegExp, QuotedSubject | 'side'][] = [
  // 收入预算 / 支出预算 (总计): Shandong, Zhejiang, Fujian, Guangdong, Hunan, Jiangsu, central.
  [new RegExp(`${OPENING}((?:收入|支出)(?:预算(?:总计|总额|合计)?|总计))(?:为|是|共计|合计)?${FIGURE}`, 'gu'), 'side'],
  // Chongqing: 收入预算：2026年年初预算数186549.30万元.
  [new RegExp(`${OPENING}((?:收入|支出)预算)[：:]20\\d{2}年年初预算数${FIGURE}`, 'gu'), 'side'],
  [new RegExp(`${OPENING}(一般公共预算(?:当年)?拨款(?:收入|支出)?)(?:为|是|共计)?${FIGURE}`, 'gu'), 'general-public'],
  [new RegExp(`${OPENING}([“"]三公[”"]经费(?:财政拨款)?(?:支出)?预算(?:支出|数)?)(?:为|是|共计|合计)?${FIGURE}`, 'gu'), 'three-public'],
];

export function readQuotedFigures(model: DocumentModel): RawQuotedFigure[] {
  const out: RawQuotedFigure[] = [];
  for (const block of model.blocks) {
    // Every phrase ends in a figure in 元, 万元 or 亿元: a paragraph without 元 quotes none.
    if (block.kind !== 'paragraph' || !block.text.includes('元')) continue;
    const text = block.text.replace(/\s+/gu, '');
    for (const [pattern, subject] of PHRASES) {
      for (const match of text.matchAll(pattern)) {
        const phrase = match[1] ?? '';
        const amount = match[2] ?? '';
        const unit = match[3] ?? '';
        const at = (match.index ?? 0) + match[0].indexOf(phrase);
        out.push({
          subject: subject === 'side' ? (phrase.startsWith('收入') ? 'income-total' : 'expense-total') : subject,
          text: text.slice(at, (match.index ?? 0) + match[0].length),
          amount,
          unit,
          page: block.page,
          paragraph: block.index,
        });
      }
    }
  }
  return out;
}

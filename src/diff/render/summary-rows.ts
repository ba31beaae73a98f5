/** The summary at the top of the Markdown and HTML renderings, as (label, value) rows. */
import type { Diff } from '../../schema/diff.js';
import { aside, say, type Lang } from '../labels.js';
import { groupDigits, signed } from './present.js';

export function summaryRows(diff: Diff, lang: Lang): Array<[string, string]> {
  const { projects, indicators, budget } = diff.summary;
  const delta = [signed(budget.deltaYuan, groupDigits), ...(budget.percent === null ? [] : [`${signed(budget.percent)}%`])];
  const budgetText = `${groupDigits(budget.oldTotalYuan)} → ${groupDigits(budget.newTotalYuan)}${aside(delta.join(lang === 'zh' ? '，' : ', '), lang)}`;
  return [
    [say('projectsAdded', lang), String(projects.added)],
    [say('projectsRemoved', lang), String(projects.removed)],
    [say('projectsChanged', lang), String(projects.changed)],
    [say('projectsUnchanged', lang), String(projects.unchanged)],
    [say('projectsFuzzy', lang), String(projects.fuzzy)],
    [say('indicatorsAdded', lang), String(indicators.added)],
    [say('indicatorsRemoved', lang), String(indicators.removed)],
    [say('indicatorsRaised', lang), String(indicators.raised)],
    [say('indicatorsLowered', lang), String(indicators.lowered)],
    [say('budgetTotal', lang), budgetText],
    [say('changes', lang), String(diff.summary.changes)],
  ];
}

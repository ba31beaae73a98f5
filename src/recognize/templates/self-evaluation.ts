import type { Template } from '../template.js';
import { central } from './central.js';

/**
 * 项目绩效自评表 (决算): the central form's fields with an amount grid (年初预算数 | 全年预算数 |
 * 全年执行数 | 分值 | 执行率 | 得分 over 年度资金总额 / 财政拨款 / 上年结转 / 其他资金), the goal beside
 * what was achieved (预期目标 | 实际完成情况), and an indicator block that adds 实际完成值, 分值,
 * 得分 and 偏差原因分析及改进措施 to 年度指标值 (central 2024, Xi'an 2022; LAYOUTS.md L1, L2c).
 */
export const selfEvaluation: Template = {
  id: 'self-evaluation',
  description: '项目绩效自评表: targets beside the values achieved, their scores, and the year\'s budget execution',
  fields: {
    ...central.fields,
    goal: [...(central.fields.goal ?? []), '预期目标'],
    outcome: ['实际完成情况', '全年实际完成情况', '实际完成'],
  },
  columns: {
    ...central.columns,
    actual: ['实际完成值', '全年实际值', '实际值', '全年完成值', '完成值'],
    score: ['得分', '指标得分'],
    deviation: ['偏差原因分析及改进措施', '偏差原因分析', '未完成原因分析', '偏差原因及改进措施'],
  },
  amountGrid: {
    initialBudget: ['年初预算数'],
    adjustedBudget: ['全年预算数', '调整后预算数'],
    executed: ['全年执行数', '实际执行数'],
    rateWeight: ['分值'],
    rate: ['执行率'],
    score: ['得分'],
  },
  rejectLabels: [],
  captionLabels: central.captionLabels ?? [],
  defaultUnit: '万元',
};

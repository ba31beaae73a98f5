import type { Template } from '../template.js';

/**
 * Hebei county/district 部门预算 绩效目标表 (seed: 唐山市路南区科学技术协会, 2025).
 * Two tables per project: a key/value table (项目编码, 项目名称, 预算规模及资金用途 with
 * 预算数 / 其中：财政资金 / 其他资金 and the purpose under them, 资金支出计划（%）, 绩效目标)
 * and an indicator table (一级指标 … 指标值确定依据). Amounts in 万元 (`单位：万元`).
 */
export const hebei: Template = {
  id: 'hebei',
  description: 'Hebei county/district 部门预算 绩效目标表: key/value table + indicator table',
  fields: {
    code: ['项目编码', '项目代码', '项目编号'],
    name: ['项目名称'],
    total: ['预算数'],
    fiscal: ['财政资金', '财政拨款'],
    other: ['其他资金'],
    carryover: ['上年结转资金', '上年结转'],
    goal: ['绩效目标'],
    budgetBlock: ['预算规模及资金用途'],
    scheduleBlock: ['资金支出计划'],
  },
  columns: {
    level1: ['一级指标'],
    level2: ['二级指标'],
    level3: ['三级指标'],
    description: ['绩效指标描述', '指标描述'],
    target: ['指标值'],
    basis: ['指标值确定依据'],
  },
  rejectLabels: ['实际完成值', '完成值', '全年完成值', '实际完成情况', '得分', '全年执行数', '执行率', '偏差原因分析及改进措施', '未完成原因分析'],
  captionLabels: ['执行率分值', '年度绩效指标', '绩效目标指标', '序号', '其中', '实施期限'],
  defaultUnit: '万元',
};

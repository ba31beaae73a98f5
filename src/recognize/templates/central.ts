import type { Template } from '../template.js';
import { hebei } from './hebei.js';

/**
 * The MOF 项目支出绩效目标表 as central departments and most provinces print it, one table
 * per project: 项目名称, 主管部门及代码 (`[105]国家发展和改革委员会`), 实施单位, a money block
 * 项目资金（万元） with 年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金, 年度绩效目标
 * (`目标1：…；目标2：…`), then a block under a merged 绩效指标 label: 一级指标 | 二级指标 |
 * 三级指标 | 指标值. Hunan's 申报表 (项目支出名称, 本年度绩效目标, 指标值及单位, 绩效标准) reads
 * the same way. FIELD-GUIDE V2, V4, V9.
 */
export const central: Template = {
  id: 'central',
  description: 'MOF 项目支出绩效目标表: fields, money block and indicator block in one table',
  fields: {
    code: ['项目代码', '项目编号', '项目编码'],
    name: ['项目名称', '项目全称', '项目支出名称'],
    department: ['主管部门及代码', '主管部门', '预算部门'],
    implementer: ['实施单位', '项目实施单位'],
    total: ['年度资金总额', '资金总额', '预算数', '预算金额', '年度预算', '年初预算数', '年度本级预算金额'],
    fiscal: ['当年财政拨款', '本年财政拨款', '财政拨款', '一般公共预算', '财政资金'],
    carryover: ['上年结转资金', '上年结转'],
    other: ['其他资金'],
    goal: ['年度绩效目标', '年度总体目标', '本年度绩效目标', '绩效目标', '年度目标', '总体目标'],
    budgetBlock: ['项目资金', '项目资金申请', '资金情况'],
  },
  columns: {
    level1: ['一级指标'],
    level2: ['二级指标'],
    level3: ['三级指标', '指标内容', '指标名称'],
    description: ['绩效指标描述', '指标描述', '指标解释'],
    target: ['指标值', '目标值', '年度指标值', '指标值及单位', '当年预期实现值'],
    basis: ['指标值确定依据', '指标值设定依据', '确定依据', '绩效标准', '备注'],
  },
  rejectLabels: hebei.rejectLabels,
  defaultUnit: '万元',
};

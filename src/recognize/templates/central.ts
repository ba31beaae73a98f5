import type { Template } from '../template.js';
import { hebei } from './hebei.js';

/**
 * The MOF 项目支出绩效目标表 and the forms provinces derive from it, in both of the shapes
 * they are printed in:
 * - key/value, one table per project: 项目名称, 主管部门及代码 (`[292]国家信访局`, `253_烟台市…`),
 *   实施单位, a money block (项目资金 / 资金金额 / 专项资金情况（万元）) with 年度资金总额 /
 *   其中：财政拨款 / 上年结转 / 其他资金, 年度(总体)目标, then an indicator block
 *   一级指标 | 二级指标 | 三级指标 | 指标值 (central, Xi'an, Yantai, Fujian, Hunan 申报表);
 * - list, one table for many projects: a header row naming the project columns
 *   (项目名称 | 项目总额 | 绩效目标) beside the indicator columns, the project cells merged
 *   down over its indicator rows (Changchun 预算表11, Changsha, Chongqing 表十二).
 * FIELD-GUIDE V2, V4, V9; ../shared/corpora/real-2026/LAYOUTS.md L1–L5, L7, L9.
 */
export const central: Template = {
  id: 'central',
  description: 'MOF 项目支出绩效目标表 and its provincial forms: key/value fields or a list of projects, with an indicator block',
  fields: {
    code: ['项目代码', '项目编号', '项目编码'],
    name: ['项目名称', '项目全称', '项目支出名称', '专项资金名称', '转移支付名称', '单位(项目)名称', '一级项目名称', '服务项目名称', '支出项目类别(资金使用单位)', '支出项目类别'],
    department: ['主管部门及代码', '主管部门', '预算部门', '市级主管部门', '部门名称', '部门(单位)名称', '单位名称', '资金主管部门'],
    departmentCode: ['单位编码', '部门预算编码', '部门编码', '单位代码'],
    implementer: ['实施单位', '项目实施单位', '二级预算单位名称', '资金使用单位'],
    total: [
      '年度资金总额', '资金总额', '预算数', '预算金额', '年度预算', '年初预算数', '年度本级预算金额', '年度预算资金总额',
      '实施期资金总额', '项目总额', '总计', '年度预算资金', '当年预算', '年度金额', '预算支出总额', '项目资金总额', '金额',
    ],
    fiscal: ['当年财政拨款', '本年财政拨款', '财政拨款', '一般公共预算', '财政资金', '当年财政拨款预算金额'],
    carryover: ['上年结转资金', '上年结转'],
    other: ['其他资金'],
    source: ['财政专户拨款', '中央财政资金', '市级财政资金', '市级支出', '补助区县', '上级资金', '本级财政资金', '政府性基金', '政府性基金预算', '国有资本经营预算'],
    goal: [
      '年度绩效目标', '年度总体目标', '本年度绩效目标', '绩效目标', '年度目标', '总体目标', '当年绩效目标', '当年整体绩效目标',
      '整体绩效目标', '部门整体绩效目标', '总体绩效目标', '项目实施期目标', '实施期目标', '年度总目标',
    ],
    midTermGoal: ['实施期总目标'],
    purpose: ['项目概况', '主要政策任务', '项目概述'],
    budgetBlock: ['项目资金', '项目资金申请', '资金情况', '资金金额', '专项资金情况', '年度预算安排', '总体资金情况'],
  },
  columns: {
    level1: ['一级指标'],
    level2: ['二级指标'],
    level3: ['三级指标', '指标内容', '指标名称'],
    description: ['绩效指标描述', '指标描述', '指标解释'],
    target: ['指标值', '目标值', '年度指标值', '指标值及单位', '当年预期实现值', '本年绩效指标值'],
    basis: ['指标值确定依据', '指标值设定依据', '确定依据', '绩效标准'],
    weight: ['分值权重', '权重', '指标权重', '分值'],
    notes: ['备注'],
    scoringRule: ['评(扣)分标准', '评分标准', '扣分标准'],
    targetText: ['指标值内容'],
    indicatorLabel: ['绩效指标'],
  },
  rejectLabels: hebei.rejectLabels,
  captionLabels: hebei.captionLabels ?? [],
  defaultUnit: '万元',
};

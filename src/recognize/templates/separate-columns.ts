import type { Template } from '../template.js';
import { central } from './central.js';

/**
 * 预算管理一体化 system exports (Sichuan and others, FIELD-GUIDE V5; Beijing 预算表12/13,
 * Changsha, Chongqing, LAYOUTS.md L5–L7): the central form's fields, but the indicator block
 * prints operator, value and unit in their own columns — 一级指标 | 二级指标 | 三级指标 |
 * 指标性质 | 指标值 | 度量单位 | 权重 — and the project name cell often holds the code too
 * (`51000021R000000019951-工资性支出`).
 */
export const separateColumns: Template = {
  id: 'separate-columns',
  description: '预算管理一体化 export: 指标性质 | 指标值 | 度量单位 | 权重 in separate columns',
  fields: central.fields,
  columns: {
    ...central.columns,
    operator: ['指标性质', '计算符号', '指标方向', '绩效指标性质', '指标值类型'],
    unit: ['度量单位', '计量单位', '指标单位', '绩效度量单位'],
    weight: [...(central.columns.weight ?? []), '权重(分)'],
    core: ['是否核心', '是否核心指标'],
    activity: ['活动'],
  },
  rejectLabels: central.rejectLabels,
  captionLabels: central.captionLabels ?? [],
  defaultUnit: '万元',
};

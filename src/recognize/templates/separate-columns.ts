import type { Template } from '../template.js';
import { central } from './central.js';

/**
 * 预算管理一体化 system exports (Sichuan and others, FIELD-GUIDE V5): the central form's
 * fields, but the indicator block prints operator, value and unit in their own columns —
 * 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标值设定依据 — and the
 * project name cell often holds the code too (`51000021R000000019951-工资性支出`).
 */
export const separateColumns: Template = {
  id: 'separate-columns',
  description: '预算管理一体化 export: 指标性质 | 指标值 | 度量单位 | 权重 in separate columns',
  fields: central.fields,
  columns: {
    ...central.columns,
    operator: ['指标性质', '计算符号', '指标方向'],
    unit: ['度量单位', '计量单位', '指标单位'],
    weight: ['权重', '分值', '指标权重', '权重（分）'],
  },
  rejectLabels: central.rejectLabels,
  defaultUnit: '万元',
};

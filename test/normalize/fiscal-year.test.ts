import { describe, expect, it } from 'vitest';
import { detectFiscalYear } from '../../src/normalize/fiscal-year.js';

const codes = (r: ReturnType<typeof detectFiscalYear>) => r.messages.map((m) => `${m.severity} ${m.code}`);

describe('detectFiscalYear', () => {
  it('takes --year over everything else', () => {
    const r = detectFiscalYear(2030, ['唐山市路南区2025年部门预算'], ['2025年支持市县科技创新']);
    expect(r.value).toEqual({ year: 2030, source: 'option' });
    expect(r.messages).toEqual([]);
  });

  it('takes the title before the project names', () => {
    const r = detectFiscalYear(null, ['唐山市路南区教育局2025年部门预算项目绩效目标'], ['2024年结转项目']);
    expect(r.value).toEqual({ year: 2025, source: 'title' });
  });

  it('reads a year written with a space (2019 年) and says when titles disagree', () => {
    const r = detectFiscalYear(null, ['江苏省人大常委会 2019 年部门预算', '2018年部门决算'], []);
    expect(r.value).toEqual({ year: 2019, source: 'title' });
    expect(codes(r)).toEqual(['info FISCAL_YEAR_CONFLICT']);
  });

  it('falls back to the years project names start with, the most frequent, the later on a tie', () => {
    expect(detectFiscalYear(null, [], ['2025年支持市县', '科普经费', '2025年学前教育', '2024年结转']).value).toEqual({ year: 2025, source: 'project-names' });
    const tie = detectFiscalYear(null, [], ['2024年甲', '2025年乙']);
    expect(tie.value).toEqual({ year: 2025, source: 'project-names' });
    expect(codes(tie)).toEqual(['info FISCAL_YEAR_CONFLICT']);
  });

  it('never reads a year from a project code, and says when it finds none', () => {
    const r = detectFiscalYear(null, [], ['13020225P009127100021', '科普经费']);
    expect(r.value).toEqual({ year: null, source: null });
    expect(codes(r)).toEqual(['warning FISCAL_YEAR_UNKNOWN']);
  });
});

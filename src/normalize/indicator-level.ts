/**
 * 一级/二级 indicator labels. Scored forms print a weight in the label, `产出指标(50分)`
 * (FIELD-GUIDE V4): the level is 产出指标 and the weight 50.
 */
const WITH_WEIGHT = /^(.+?)\s*[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]$/u;

export interface Level {
  level: string | null;
  weight: number | null;
}

export function parseLevel(text: string | null): Level {
  if (text === null) return { level: null, weight: null };
  const m = WITH_WEIGHT.exec(text);
  return m ? { level: m[1] ?? null, weight: Number(m[2]) } : { level: text, weight: null };
}

import { type Indicators } from '../indicators/types';
import { type Recognition } from '../types';
import { type ReportModel } from './types';

export function buildNarrative(recognition: Recognition, indicators: Indicators): ReportModel {
  const title = `${recognition.organization.value}${recognition.year.value}年部门事中绩效监控报告`;
  return {
    organization: recognition.organization.value,
    year: recognition.year.value,
    month: recognition.month.value,
    title,
    recognition,
    indicators,
    warnings: recognition.warnings,
    blocks: [{ kind: 'title', text: title }],
  };
}

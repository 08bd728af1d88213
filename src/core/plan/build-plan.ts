import { type ReportModel } from '../report/types';
import { type WritePlan } from './types';

export function buildPlan(model: ReportModel): WritePlan {
  void model;
  return { sheets: [], highlights: [] };
}

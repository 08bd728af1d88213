import { type RecognizeOptions } from './types';
import { type IndicatorOptions } from './indicators/types';
import { type NarrativeOptions } from './report/narrative';

/** Everything a user can set for a report: recognition corrections, the warning rule, the 成文日期. */
export interface ReportOptions extends RecognizeOptions, IndicatorOptions, NarrativeOptions {}

import { type RecognizeOptions } from './types';
import { type IndicatorOptions } from './indicators/types';

/** Everything a user can set for a report: recognition corrections and the warning rule. */
export interface ReportOptions extends RecognizeOptions, IndicatorOptions {}

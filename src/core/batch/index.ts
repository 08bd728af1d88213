export * from './types';
export { summarizeUnit, shortfallOf } from './summarize';
export { aggregateUnits, compareByRate, standingOf } from './aggregate';
export { buildBulletin, type Bulletin } from './bulletin';
export { summaryPlan } from './summary-plan';

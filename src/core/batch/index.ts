export * from './types';
export { summarizeUnit, shortfallOf, renameUnit } from './summarize';
export { aggregateUnits, compareByRate, standingOf } from './aggregate';
export { buildBulletin, type Bulletin } from './bulletin';
export { summaryPlan } from './summary-plan';
export { splitByUnitColumn, type UnitPart } from './split-units';
export { baseName, reportUnits, uniqueNames, folderName, failedUnit, type UnitReport } from './unit-file';

/*
 * The change set (docs/change-set.md): what review changed, as versioned JSON and CSV.
 */

export { buildChangeSet, defaultRetimeToleranceMs, normalisationText } from './build-change-set'
export type { ChangeSetOptions } from './build-change-set'
export { alignWords } from './align-words'
export type { AlignStep, AlignToken } from './align-words'
export { changeSetToCsv, changeSetToJson, changeSetRecords, changeSetCsvHeader } from './change-set-csv'
export { changeSetSchema, parseChangeSet, changeSetSchemaName, changeSetVersion } from './schema'
export type { ChangeSet, WerFigures, WordDifference } from './schema'

/*
 * Every text shared/ builds for people, by code, with its English wording: the one list the
 * renderer's catalogues must cover (`notices.<code>` in en and pt-PT, same placeholders: checked
 * by test/renderer/i18n-catalogue.test.ts) and the words `sdte` and logs print. The English here
 * is what `sdte` has always said, so scripts reading it keep working (docs/i18n.md).
 *
 * Placeholders are vue-i18n's `{name}`; no `@` or `|` (vue-i18n's linked and plural syntax), so
 * the renderer's catalogue may hold the same text.
 */

/** English wording of every notice code. */
export const englishNotices = {
  // QC breaches (shared/subtitles/qc.ts): `time` is the cue's start, written as a timecode.
  'qc.chars-per-line': 'cue {cue} at {time}: chars-per-line (hard) {figure} chars > {limit} chars',
  'qc.lines': 'cue {cue} at {time}: lines (hard) {figure} lines > {limit} lines',
  'qc.overlap': 'cue {cue} at {time}: overlap (hard) overlaps the previous cue by {figure} ms',
  'qc.order': 'cue {cue} at {time}: order (hard) starts {figure} ms before the previous cue',
  'qc.duration': 'cue {cue} at {time}: duration (hard) {figure} ms < {limit} ms',
  'qc.empty': 'cue {cue} at {time}: empty (hard) has no text',
  'qc.reading-speed': 'cue {cue} at {time}: reading-speed (soft) {figure} chars/s > {limit} chars/s',
  'qc.words-per-minute': 'cue {cue} at {time}: words-per-minute (soft) {figure} words/min > {limit} words/min',
  'qc.min-duration': 'cue {cue} at {time}: min-duration (soft) {figure} ms < {limit} ms',
  'qc.max-duration': 'cue {cue} at {time}: max-duration (soft) {figure} ms > {limit} ms',
  'qc.min-gap': 'cue {cue} at {time}: min-gap (soft) {figure} ms < {limit} ms',
  // A QC rule's short name (the cue view's rows).
  'qc-rule.chars-per-line': 'chars-per-line',
  'qc-rule.lines': 'lines',
  'qc-rule.overlap': 'overlap',
  'qc-rule.order': 'order',
  'qc-rule.duration': 'duration',
  'qc-rule.empty': 'empty',
  'qc-rule.reading-speed': 'reading-speed',
  'qc-rule.words-per-minute': 'words-per-minute',
  'qc-rule.min-duration': 'min-duration',
  'qc-rule.max-duration': 'max-duration',
  'qc-rule.min-gap': 'min-gap',

  // The cutter refusing or clamping a cue decision (shared/subtitles/decisions.ts, timing.ts, segment.ts).
  'cut.break-unanchored': 'A forced break is anchored to a word with no text; it was left out.',
  'cut.nudge-unanchored': 'A nudge is anchored to a word with no text; it was left out.',
  'cut.range-unmatched': 'The {what} no longer match the words of the transcript; left out.',
  'cut.range-refused': 'The {what} "{from}" … "{to}" {why}; left out.',
  'cut.what.lock': 'locked cue',
  'cut.what.keep-together': 'words kept together',
  'cut.why.forced-break': 'cross a forced break before "{word}"',
  'cut.why.annotation': 'cross an annotation cue',
  'cut.why.speaker-change': 'cross a change of speaker, where this preset starts a new cue',
  'cut.why.three-speakers': 'hold more than two speakers',
  'cut.why.dialogue-too-long': 'do not fit one dialogue cue (a line per speaker)',
  'cut.why.too-long': 'do not fit one cue ({lines} lines of {chars} characters)',
  'cut.no-way': 'The cue decisions together leave no way to cut the subtitles; they were left out.',
  'cut.lock-start-later': 'The locked cue "{cue}" starts later than locked: it would have overlapped the cue before.',
  'cut.lock-end-earlier': 'The locked cue "{cue}" ends earlier than locked: it would have overlapped the next cue.',
  'cut.nudge-in-clamped': 'The in-time nudge of "{cue}" was clamped to {ms} ms: the cues around it leave no more room.',
  'cut.nudge-out-clamped': 'The out-time nudge of "{cue}" was clamped to {ms} ms: the cues around it leave no more room.',

  // An edit moving or dropping a cue decision whose word it deleted (shared/transcript/cue-decisions.ts).
  'decision.moved': 'The {what} at {word} moved to {to}: its word was deleted.',
  'decision.dropped': 'The {what} at {word} was dropped: {why}.',
  'decision.word': '"{text}"',
  'decision.no-word': 'nothing',
  'decision.what.break-before': 'forced break',
  'decision.what.keep-together': 'keep-together',
  'decision.what.nudge': 'nudge',
  'decision.what.lock': 'cue lock',
  'decision.why.no-follower': 'its word was deleted and no word follows it',
  'decision.why.no-predecessor': 'its word was deleted and no word precedes it',
  'decision.why.all-deleted': 'every word it held was deleted',

  // Document export warnings (shared/document/flatten.ts).
  'document.not-an-object': 'Chunk {chunk}, entity {entity}: not an object; skipped.',
  'document.unknown-type': 'Entity "{name}" has an unknown type "{type}"; showing what it carries.',
  'document.table-without-data': 'Table "{name}" has no table data.',

  // Why a listed task is a transcript or a document (shared/api/task-kind.ts; ids as text).
  'task-kind.template': 'workspace template “{name}”',
  'task-kind.peer-task-type': 'same task type ({value}) as workspace {workspace} (template “{name}”)',
  'task-kind.peer-template-type': 'same template type ({value}) as workspace {workspace} (template “{name}”)',
  'task-kind.described': 'workspace {workspace}: {template}',
  'task-kind.described-numbers': 'workspace {workspace}: {template}, {numbers}',
  'task-kind.template-named': 'template “{name}”',
  'task-kind.no-template-name': 'no template name',
  'task-kind.task-type': 'task type {value}',
  'task-kind.template-type': 'template type {value}',
  'task-kind.both-types': 'task type {taskType}, template type {templateType}',
  'task-kind.no-workspace': 'the server did not say which workspace the task is in',
  'task-kind.not-listed': 'workspace {workspace} is not among the listed workspaces',
  'task-kind.unreadable': 'the workspaces could not be read'
} as const

/** A notice's code: a key of `englishNotices`. */
export type NoticeCode = keyof typeof englishNotices

/** Every notice code shared/ can produce (the catalogue test walks this list). */
export const noticeCodes = Object.keys(englishNotices) as NoticeCode[]

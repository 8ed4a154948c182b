/**
 * Texts built in shared/ as codes and parameters (shared/i18n/notice-catalogue.ts lists every
 * code): QC breaches, cue-decision and cutter notices, document warnings, task-kind reasons.
 */
export const notices = {
  qc: {
    'chars-per-line': 'Cue {cue} at {time}: {figure} characters on a line, over the limit of {limit}',
    lines: 'Cue {cue} at {time}: {figure} lines, over the limit of {limit}',
    overlap: 'Cue {cue} at {time} overlaps the previous cue by {figure} ms',
    order: 'Cue {cue} at {time} starts {figure} ms before the previous cue',
    duration: 'Cue {cue} at {time} lasts {figure} ms; it must last at least {limit} ms',
    empty: 'Cue {cue} at {time} has no text',
    'reading-speed': 'Cue {cue} at {time}: reading speed {figure} chars/s, over the limit of {limit} chars/s',
    'words-per-minute': 'Cue {cue} at {time}: {figure} words/min, over the limit of {limit} words/min',
    'min-duration': 'Cue {cue} at {time}: {figure} ms, shorter than the minimum of {limit} ms',
    'max-duration': 'Cue {cue} at {time}: {figure} ms, longer than the maximum of {limit} ms',
    'min-gap': 'Cue {cue} at {time}: {figure} ms after the previous cue, less than the minimum gap of {limit} ms'
  },
  // The rule's own name, as the cue view always showed it (and sdte qc prints it).
  'qc-rule': {
    'chars-per-line': 'chars-per-line',
    lines: 'lines',
    overlap: 'overlap',
    order: 'order',
    duration: 'duration',
    empty: 'empty',
    'reading-speed': 'reading-speed',
    'words-per-minute': 'words-per-minute',
    'min-duration': 'min-duration',
    'max-duration': 'max-duration',
    'min-gap': 'min-gap'
  },
  cut: {
    'break-unanchored': 'A forced break is anchored to a word with no text; it was left out.',
    'nudge-unanchored': 'A nudge is anchored to a word with no text; it was left out.',
    'range-unmatched': 'A cue decision ({what}) no longer matches the words of the transcript; left out.',
    'range-refused': 'A cue decision ({what}, “{from}” … “{to}”) would {why}; left out.',
    what: {
      lock: 'locked cue',
      'keep-together': 'words kept together'
    },
    why: {
      'forced-break': 'cross a forced break before “{word}”',
      annotation: 'cross an annotation cue',
      'speaker-change': 'cross a change of speaker, where this preset starts a new cue',
      'three-speakers': 'hold more than two speakers',
      'dialogue-too-long': 'not fit one dialogue cue (a line per speaker)',
      'too-long': 'not fit one cue ({lines} lines of {chars} characters)'
    },
    'no-way': 'The cue decisions together leave no way to cut the subtitles; they were left out.',
    'lock-start-later': 'The locked cue “{cue}” starts later than locked: it would have overlapped the cue before.',
    'lock-end-earlier': 'The locked cue “{cue}” ends earlier than locked: it would have overlapped the next cue.',
    'nudge-in-clamped': 'The in-time nudge of “{cue}” was clamped to {ms} ms: the cues around it leave no more room.',
    'nudge-out-clamped': 'The out-time nudge of “{cue}” was clamped to {ms} ms: the cues around it leave no more room.'
  },
  decision: {
    moved: 'The {what} at {word} moved to {to}: its word was deleted.',
    dropped: 'The {what} at {word} was dropped: {why}.',
    word: '“{text}”',
    'no-word': 'nothing',
    what: {
      'break-before': 'forced break',
      'keep-together': 'keep-together',
      nudge: 'nudge',
      lock: 'cue lock'
    },
    why: {
      'no-follower': 'its word was deleted and no word follows it',
      'no-predecessor': 'its word was deleted and no word precedes it',
      'all-deleted': 'every word it held was deleted'
    }
  },
  document: {
    'not-an-object': 'Chunk {chunk}, entity {entity}: not an object; skipped.',
    'unknown-type': 'Entity “{name}” has an unknown type “{type}”; showing what it carries.',
    'table-without-data': 'Table “{name}” has no table data.'
  },
  'task-kind': {
    template: 'workspace template “{name}”',
    'peer-task-type': 'same task type ({value}) as workspace {workspace} (template “{name}”)',
    'peer-template-type': 'same template type ({value}) as workspace {workspace} (template “{name}”)',
    described: 'workspace {workspace}: {template}',
    'described-numbers': 'workspace {workspace}: {template}, {numbers}',
    'template-named': 'template “{name}”',
    'no-template-name': 'no template name',
    'task-type': 'task type {value}',
    'template-type': 'template type {value}',
    'both-types': 'task type {taskType}, template type {templateType}',
    'no-workspace': 'the server did not say which workspace the task is in',
    'not-listed': 'workspace {workspace} is not among the listed workspaces',
    unreadable: 'the workspaces could not be read'
  }
}

import { describe, expect, it } from 'vitest'
import { parseArgs, UsageError } from '../../../electron/cli/args'
import type { Command } from '../../../electron/cli/args'
import { presetLimits } from '../../../shared/subtitles'
import type { NumericPresetField, WriteOptions } from '../../../shared/subtitles'

/*
 * `sdte` argument parsing, the subtitle options in particular: what each flag becomes, and the
 * one-line usage error (exit 2) for every bad value, naming the flag and what it accepts.
 */

const exportSrt = ['export', '--input', 'talk.json', '--format', 'srt']

function subtitlesOf(argv: string[]): WriteOptions {
  const command = parseArgs(argv) as Extract<Command, { command: 'export' | 'qc' }>
  return command.subtitles
}

function usage(argv: string[]): string {
  try {
    parseArgs(argv)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    const message = (error as Error).message
    expect(message).not.toContain('\n')
    return message
  }
  throw new Error(`no usage error for ${argv.join(' ')}`)
}

describe('subtitle options: what each flag sets', () => {
  it.each<[string, string[], WriteOptions]>([
    ['no flags: the default preset, nothing overridden', [], { preset: 'netflix-en' }],
    ['--preset alone', ['--preset', 'bbc'], { preset: 'bbc' }],
    ['--max-chars', ['--max-chars', '32'], { preset: 'netflix-en', overrides: { maxCharsPerLine: 32 } }],
    ['--max-lines', ['--max-lines', '3'], { preset: 'netflix-en', overrides: { maxLines: 3 } }],
    ['--cps (decimal)', ['--cps', '17.5'], { preset: 'netflix-en', overrides: { maxCharsPerSecond: 17.5 } }],
    ['--wpm', ['--wpm', '160'], { preset: 'netflix-en', overrides: { maxWordsPerMinute: 160 } }],
    ['--wpm off', ['--preset', 'bbc', '--wpm', 'off'], { preset: 'bbc', overrides: { maxWordsPerMinute: null } }],
    ['--min-duration in seconds', ['--min-duration', '0.833'], { preset: 'netflix-en', overrides: { minDurationMs: 833 } }],
    ['--max-duration in seconds', ['--max-duration', '6'], { preset: 'netflix-en', overrides: { maxDurationMs: 6000 } }],
    ['--min-gap-frames', ['--min-gap-frames', '3'], { preset: 'netflix-en', overrides: { minGapFrames: 3 } }],
    ['--gap-closing', ['--gap-closing', '0.75'], { preset: 'netflix-en', overrides: { gapClosingMs: 750 } }],
    ['--max-lead-in', ['--max-lead-in', '.1'], { preset: 'netflix-en', overrides: { maxLeadInMs: 100 } }],
    ['--fps', ['--fps', '29.97'], { preset: 'netflix-en', overrides: { frameRate: 29.97 } }],
    ['--start-offset SMPTE at the preset rate (24 nominal)', ['--start-offset', '10:00:00:12'], { preset: 'netflix-en', overrides: { startOffsetMs: 36_000_500 } }],
    ['--start-offset SMPTE at --fps', ['--fps', '25', '--start-offset', '10:00:00:12'], { preset: 'netflix-en', overrides: { frameRate: 25, startOffsetMs: 36_000_480 } }],
    ['--start-offset clock', ['--start-offset', '01:00:00.5'], { preset: 'netflix-en', overrides: { startOffsetMs: 3_600_500 } }],
    ['--start-offset seconds', ['--start-offset', '3600'], { preset: 'netflix-en', overrides: { startOffsetMs: 3_600_000 } }],
    ['--speaker-style and labels', ['--speaker-style', 'new-cue', '--speaker-labels', 'on'], { preset: 'netflix-en', overrides: { speakerStyle: 'new-cue', speakerLabels: true } }],
    ['--speaker-labels off', ['--preset', 'web', '--speaker-labels', 'off'], { preset: 'web', overrides: { speakerLabels: false } }],
    ['--dialogue-dash', ['--preset', 'bbc', '--speaker-style', 'dialogue-dashes', '--dialogue-dash', '– '], { preset: 'bbc', overrides: { speakerStyle: 'dialogue-dashes', dialogueDash: '– ' } }],
    ['--annotations and --language', ['--annotations', 'cues', '--language', 'pt'], { preset: 'netflix-en', annotations: 'cues', language: 'pt' }],
    ['--name=value form', ['--max-chars=37', '--annotations=omit'], { preset: 'netflix-en', overrides: { maxCharsPerLine: 37 }, annotations: 'omit' }]
  ])('%s', (_label, flags, expected) => {
    expect(subtitlesOf([...exportSrt, ...flags])).toEqual(expected)
  })

  it('every number at once, as the README example', () => {
    const flags = '--preset bbc --max-chars 37 --max-lines 2 --cps 17 --wpm 170 --min-duration 0.833 --max-duration 7 --min-gap-frames 2 --gap-closing 0.5 --max-lead-in 0.25 --fps 25 --start-offset 10:00:00:00 --annotations notes --speaker-labels on'.split(' ')
    expect(subtitlesOf(['export', '--task', '41003', '--format', 'vtt', ...flags])).toEqual({
      preset: 'bbc',
      overrides: { maxCharsPerLine: 37, maxLines: 2, maxCharsPerSecond: 17, maxWordsPerMinute: 170, minDurationMs: 833, maxDurationMs: 7000, minGapFrames: 2, gapClosingMs: 500, maxLeadInMs: 250, frameRate: 25, startOffsetMs: 36_000_000, speakerLabels: true },
      annotations: 'notes'
    })
  })

  it('format options reach the formats they concern', () => {
    expect(subtitlesOf(['export', '--input', 'a.json', '--format', 'vtt', '--voice-tags', 'off'])).toEqual({ preset: 'netflix-en', voiceTags: false })
    expect(subtitlesOf(['export', '--input', 'a.json', '--format', 'ttml', '--title', 'My talk'])).toEqual({ preset: 'netflix-en', title: 'My talk' })
    expect(subtitlesOf(['export', '--input', 'a.json', '--format', 'docx', '--timecodes', '--label-every-paragraph', '--annotations', 'notes', '--title', 'T'])).toEqual({ preset: 'netflix-en', timecodes: true, labelEveryParagraph: true, annotations: 'notes', title: 'T' })
    expect(subtitlesOf(['export', '--tasks', '1,2', '--out-dir', 'out', '--format', 'ass', '--max-chars', '40'])).toEqual({ preset: 'netflix-en', overrides: { maxCharsPerLine: 40 } })
  })

  it('sdte qc takes the cue options', () => {
    expect(subtitlesOf(['qc', '--input', 'a.json', '--max-chars', '32', '--cps=17', '--annotations', 'cues', '--json'])).toEqual({ preset: 'netflix-en', overrides: { maxCharsPerLine: 32, maxCharsPerSecond: 17 }, annotations: 'cues' })
  })
})

describe('subtitle options: usage errors', () => {
  // The ranges come from the app's presetLimits; a change there changes the CLI with it.
  const numberFlags: [string, NumericPresetField, number][] = [
    ['max-chars', 'maxCharsPerLine', 1],
    ['max-lines', 'maxLines', 1],
    ['cps', 'maxCharsPerSecond', 1],
    ['wpm', 'maxWordsPerMinute', 1],
    ['min-duration', 'minDurationMs', 1000],
    ['max-duration', 'maxDurationMs', 1000],
    ['min-gap-frames', 'minGapFrames', 1],
    ['gap-closing', 'gapClosingMs', 1000],
    ['max-lead-in', 'maxLeadInMs', 1000]
  ]
  describe.each(numberFlags)('--%s', (flag, field, unit) => {
    const { min, max } = presetLimits[field]
    const range = new RegExp(`^--${flag} \\(.+\\) must be a (whole )?number( of seconds)? from ${min / unit} to ${max / unit}(, or off)?, not "`)
    it.each([String(max / unit + 1), ...(min > 0 ? [String(min / unit / 2)] : []), '-1', 'abc', '1e2', '0x10', ' 5', 'Infinity'])('rejects %j', (value) => {
      // Values that happen to be in range for a wide flag (1e2 for --wpm...) are still not plain decimals.
      expect(usage([...exportSrt, `--${flag}`, value])).toMatch(range)
    })
  })

  it.each([
    [['--max-chars', '32.5'], /^--max-chars \(characters per line\) must be a whole number from 10 to 200, not "32.5"$/],
    [['--max-chars'], /^--max-chars needs a value$/],
    [['--max-chars', '32', '--max-chars', '40'], /^--max-chars given twice$/],
    [['--fps', '26'], /^--fps must be one of 23.976, 24, 25, 29.97, 30, 50, 59.94, 60, not "26"$/],
    [['--fps', 'pal'], /^--fps must be one of/],
    [['--start-offset', '10:00:00:24'], /^--start-offset must be a timecode HH:MM:SS:FF \(frames 0 to 23 at 23.976 fps\)/],
    [['--fps', '25', '--start-offset', '10:00:00:25'], /frames 0 to 24 at 25 fps/],
    [['--start-offset', '101:00:00:00'], /^--start-offset .* from 0 to 100 hours, not "101:00:00:00"$/],
    [['--start-offset', 'ten'], /^--start-offset must be a timecode/],
    [['--start-offset', '-5'], /^--start-offset must be a timecode/],
    [['--speaker-style', 'dash'], /^--speaker-style must be new-cue or dialogue-dashes, not "dash"$/],
    [['--speaker-labels', 'yes'], /^--speaker-labels must be on or off, not "yes"$/],
    [['--speaker-labels', 'on'], /^--speaker-labels applies with --speaker-style new-cue; the netflix-en preset uses dialogue-dashes$/],
    [['--speaker-style', 'dialogue-dashes', '--speaker-labels', 'on'], /^--speaker-labels applies with --speaker-style new-cue; --speaker-style uses dialogue-dashes$/],
    [['--preset', 'bbc', '--dialogue-dash', '-'], /^--dialogue-dash applies with --speaker-style dialogue-dashes; the bbc preset uses new-cue$/],
    [['--dialogue-dash=----'], /^--dialogue-dash must be 1 to 3 characters, not "----"$/],
    [['--annotations', 'none'], /^--annotations must be cues, notes or omit, not "none"$/],
    [['--language', 'de'], /^--language must be en or pt, not "de"$/],
    [['--min-duration', '8'], /^--min-duration \(8 s\) must be shorter than the netflix-en maximum duration \(7 s\)$/],
    [['--max-duration', '1.5', '--min-duration', '2'], /^--min-duration \(2 s\) must be shorter than --max-duration \(1.5 s\)$/],
    [['--preset', 'bbc', '--max-duration', '1'], /^the bbc minimum duration \(1 s\) must be shorter than --max-duration \(1 s\)$/],
    [['--preset', 'cinema-xl'], /^Unknown subtitle preset "cinema-xl"\. Known presets: netflix-en, bbc, web\.$/],
    [['--voice-tags', 'off'], /^--voice-tags applies to vtt, not to --format srt$/],
    [['--timecodes'], /^--timecodes applies to txt, docx, not to --format srt$/],
    [['--title', 'T'], /^--title applies to ttml, ass, docx, not to --format srt$/],
    [['--max-char', '32'], /^unknown option --max-char /]
  ])('%j', (flags, message) => {
    expect(usage([...exportSrt, ...flags])).toMatch(message)
  })

  it.each([
    [['export', '--input', 'a.json', '--format', 'json', '--max-chars', '32'], /^--max-chars applies to srt, vtt, ttml, sbv, ass, not to --format json$/],
    [['export', '--input', 'a.json', '--format', 'txt', '--fps', '25'], /^--fps applies to srt, vtt, ttml, sbv, ass, not to --format txt$/],
    [['export', '--task', '2001', '--kind', 'document', '--format', 'csv', '--annotations', 'cues'], /^--annotations applies to srt, vtt, ttml, sbv, ass, txt, docx, not to --format csv$/],
    [['qc', '--input', 'a.json', '--timecodes'], /^--timecodes does not apply to sdte qc/],
    [['qc', '--input', 'a.json', '--voice-tags', 'on'], /^--voice-tags does not apply to sdte qc/],
    [['qc', '--input', 'a.json', '--max-chars', '0'], /^--max-chars \(characters per line\) must be a whole number from 10 to 200, not "0"$/]
  ])('%j', (argv, message) => {
    expect(usage(argv)).toMatch(message)
  })
})

describe('help', () => {
  it.each([[['--help']], [['export', '--help']], [['qc', '-h']]])('%j is help', (argv) => {
    expect(parseArgs(argv).command).toBe('help')
  })
})

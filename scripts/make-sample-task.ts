/*
 * Makes the bundled sample task: real synthetic speech (espeak-ng), one word at a time so every
 * word's timing is known exactly, joined with sox, encoded to MP3 with ffmpeg. Run once by hand
 * (`node --import tsx scripts/make-sample-task.ts`); the outputs are committed under
 * resources/sample/ so users and CI need none of these tools.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const turns: Array<{ speaker: 'ana' | 'ben'; text: string }> = [
  { speaker: 'ana', text: 'Welcome to the sample task. This recording shows how the editor follows speech word by word.' },
  { speaker: 'ben', text: 'Click any word to jump there, or press the space bar to play and pause.' },
  { speaker: 'ana', text: 'Words the recogniser was unsure about are underlined, so you can check them first.' },
  { speaker: 'ben', text: 'When you are done, export subtitles that follow professional rules.' }
]
const speakers = {
  ana: { speakerId: '7b1f7c8e-3f0a-4a47-9a55-2f1f6b0c1a01', speakerName: 'Ana Ribeiro', voice: 'en-us+f3' },
  ben: { speakerId: '0c9d2a44-52b6-4c1e-8f3d-6a7e9b2d4c02', speakerName: 'Ben Carter', voice: 'en-gb+m3' }
}
const rate = 16000
const wordGapMs = 90
const turnGapMs = 600
const leadInMs = 500

const work = mkdtempSync(join(tmpdir(), 'sdte-sample-'))
const out = resolve('resources/sample')
const pieces: string[] = []
let cursorMs = 0

function silence(ms: number): void {
  if (ms <= 0) return
  const file = join(work, `s${pieces.length}.wav`)
  execFileSync('sox', ['-n', '-r', String(rate), '-c', '1', '-b', '16', file, 'trim', '0', (ms / 1000).toFixed(3)])
  pieces.push(file)
  cursorMs += ms
}

function durationMs(file: string): number {
  // Whole samples, so the timeline below is exact.
  const samples = Number(execFileSync('soxi', ['-s', file]).toString().trim())
  return Math.round((samples * 1000) / rate)
}

silence(leadInMs)
const transcripts = turns.map((turn, turnIndex) => {
  const words = turn.text.split(/\s+/)
  const displayWords = words.map((text, i) => {
    const raw = join(work, `w${turnIndex}-${i}-raw.wav`)
    const file = join(work, `w${turnIndex}-${i}.wav`)
    execFileSync('espeak-ng', ['-v', speakers[turn.speaker].voice, '-s', '160', '-w', raw, text.replace(/[.,]/g, '')])
    // Trim leading and trailing silence so the word's sound fills its timing.
    execFileSync('sox', [raw, '-r', String(rate), '-c', '1', '-b', '16', file, 'silence', '1', '0.01', '0.5%', 'reverse', 'silence', '1', '0.01', '0.5%', 'reverse'])
    const start = cursorMs
    const length = durationMs(file)
    pieces.push(file)
    cursorMs += length
    const word = {
      text,
      offsetInSeconds: start / 1000,
      durationInSeconds: length / 1000,
      // A few words are marked unsure, as a recogniser would.
      confidence: /unsure|recogniser|professional/.test(text) ? 0.42 : 0.93 + ((i * 7) % 6) / 100
    }
    if (i < words.length - 1) silence(wordGapMs)
    return word
  })
  const start = displayWords[0].offsetInSeconds
  const last = displayWords[displayWords.length - 1]
  const end = Math.round((last.offsetInSeconds + last.durationInSeconds) * 1000) / 1000
  if (turnIndex < turns.length - 1) silence(turnGapMs)
  return {
    speakerId: speakers[turn.speaker].speakerId,
    start,
    end,
    duration: Math.round((end - start) * 1000) / 1000,
    confidence: 0.9,
    displayText: turn.text,
    displayWords,
    originalWords: displayWords.map((w) => (w.text === 'unsure' ? { ...w, text: 'in sure' } : w))
  }
})
silence(800)

const wav = join(work, 'sample.wav')
execFileSync('sox', [...pieces, wav])
execFileSync('ffmpeg', ['-y', '-loglevel', 'error', '-i', wav, '-codec:a', 'libmp3lame', '-b:a', '48k', join(out, 'sample.mp3')])

const exportJson = {
  taskId: 1,
  originalFileUrl: null,
  workspaceId: 1,
  batchId: null,
  taskNumber: 1,
  externalId: 'sample-task',
  displayName: 'Sample: how the editor works',
  description: 'A short two-speaker recording bundled with SD Transcript Editor.',
  totalTimeInSeconds: Math.round(cursorMs) / 1000,
  lastCheckoutByUserName: null,
  lastCheckedOutBy: null,
  lastCheckedOutUntil: null,
  lastIntegratedBy: null,
  lastIntegratedByUserName: null,
  lastIntegratedOn: null,
  transcript: {
    transcripts,
    speakers: Object.values(speakers).map(({ speakerId, speakerName }) => ({ speakerId, speakerName, speakerPrefix: '', speakerSuffix: '' })),
    annotations: [
      {
        uniqueId: 'a1c3e5f7-0000-4000-8000-000000000001',
        content: 'Two speakers; synthetic voices',
        start: 0,
        end: 2,
        createdByUserName: 'SD Transcript Editor',
        createdBy: 0,
        createdOn: '2026-11-23T00:00:00Z',
        modifiedByUserName: 'SD Transcript Editor',
        modifiedBy: 0,
        modifiedOn: '2026-11-23T00:00:00.0000000Z'
      }
    ]
  },
  metadata: { media: 'sample.mp3' }
}
writeFileSync(join(out, 'sample-task.json'), JSON.stringify(exportJson, null, 2) + '\n')
rmSync(work, { recursive: true, force: true })
console.log(`sample task: ${transcripts.length} turns, ${(cursorMs / 1000).toFixed(2)} s`)

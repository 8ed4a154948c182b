import { execFile, spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { promisify } from 'node:util'
import { chromium } from '@playwright/test'
import type { Browser, Page } from '@playwright/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadRealExport, realFixtureNames } from '../../fixtures/real-to-export'
import { normaliseTranscript } from '../../../shared/transcript/normalise'
import type { Speaker, TranscriptModel } from '../../../shared/transcript/model'
import { presetNames, subtitleTrack, writeFormat } from '../../../shared/subtitles/index'
import type { Cue, WriteOptions } from '../../../shared/subtitles/index'
import { speakerNamesOf } from '../../../shared/subtitles/writers/speakers'
import { makeModel } from './make-model'
import type { W } from './make-model'
import { expectedLine } from './readers'
import type { SubtitleFormat } from './readers'

/*
 * What belongs here: the files the writers write, read back by INSTALLED PROGRAMS (a player's or
 * an editor's real parser, run as a process or a browser). In-process npm parsers and our strict
 * grammars belong in read-back-npm.test.ts; what `sdte export` writes, in
 * test/electron/cli/sdte-read-back.test.ts. On every real fixture x every preset and on an
 * adversarial transcript (annotations as cues, a programme start just before 24 hours):
 *   - ffmpeg's SRT, WebVTT and ASS demuxers: same cues, same times, same text (as ffmpeg decodes
 *     it into its internal ASS events: no override tag, no lost word);
 *   - xmllint: every TTML file is well-formed XML;
 *   - Chromium's own WebVTT parser (a <track>): every cue, time, line of text and voice; its
 *     namespace-aware DOMParser: every TTML file has the IMSC1 text profile's skeleton;
 *   - LibreOffice (headless, convert to text): every DOCX reads as the transcript.
 * Each part is skipped, saying why, when its program is not installed; CI installs them all.
 */

const run = promisify(execFile)

function installed(command: string, args: readonly string[] = ['--version']): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0
}
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const sofficePath = process.env.SOFFICE_PATH ?? 'soffice'
const has = {
  ffmpeg: installed('ffmpeg', ['-version']),
  xmllint: installed('xmllint', ['--version']),
  chromium: installed(chromiumPath, ['--version']),
  soffice: installed(sofficePath, ['--version'])
}
const title = (what: string, tool: keyof typeof has, apt: string): string => (has[tool] ? what : `${what} — SKIPPED: ${tool} is not installed (apt-get install ${apt})`)

// --- The files: every fixture x preset, and the adversarial transcript under each preset. ---

interface Written {
  readonly name: string
  readonly path: string
  readonly format: SubtitleFormat
  readonly content: string
  readonly cues: readonly Cue[]
  readonly model: TranscriptModel
}

const adversarialSpeakers: Speaker[] = [
  { id: 'ana', name: 'Ana <Host> & "Co", Jr.', prefix: '', suffix: '', placeholder: false },
  { id: 'bo', name: 'Bo {\\b1}Bold\\N }, c', prefix: '', suffix: '', placeholder: false },
  { id: 'cy', name: 'João --> Ção', prefix: '', suffix: '', placeholder: false }
]

function paced(list: readonly string[], startMs: number): W[] {
  return list.map((t, k) => [t, startMs + k * 340, startMs + k * 340 + 280] as const)
}

function adversarialModel(): TranscriptModel {
  const special = ['Fish', '&', 'chips', '&amp;', '&nbsp;', '<b>bold</b>', '<i>', 'a<b', 'x>y', '-->', '<v', 'Bob>', '<00:00:01.000>', '{\\an8}top', '{laughs}', '{', '}', '\\N', 'back\\slash', '-leading']
  const model = makeModel(
    [
      ['ana', paced(special, 1000)],
      ['bo', paced(['Yes.'], 9000)],
      ['ana', paced(['No.'], 9600)],
      ['cy', paced('Não sei se ele já chegou à estação, mas a coração da ação é o pão de açúcar.'.split(' '), 11_000)],
      ['bo', paced(['😀', '👍🏽', '👨‍👩‍👧', 'שלום', 'עולם', 'مرحبا', 'بالعالم', '中文字幕', 'Zoë', 'bell\u0007', 'nul\u0000x'], 18_000)],
      ['cy', paced(['Sim.'], 22_500)],
      ['bo', paced(['OK.'], 23_100)],
      ['ana', paced(['Fim.'], 23_700)]
    ],
    [{ id: 'n1', content: 'music --> <loud> & {\\an8}\n\nfades', startMs: 8000, endMs: 8900 }]
  )
  return { ...model, speakers: adversarialSpeakers }
}

let dir = ''
const files: Written[] = []
const byName = new Map<string, Written>()

async function writeOne(label: string, format: SubtitleFormat, model: TranscriptModel, options: WriteOptions): Promise<void> {
  const opts: WriteOptions = { ...options, annotations: format === 'vtt' && options.annotations === 'cues' ? 'notes' : options.annotations }
  const out = await writeFormat(format, model, opts)
  const name = `${label}.${out.extension}`
  const path = join(dir, name)
  await writeFile(path, out.content)
  const written = { name, path, format, content: out.content as string, cues: subtitleTrack(model, opts).cues, model }
  files.push(written)
  byName.set(name, written)
}

const fixtureVariants = realFixtureNames.flatMap((fixture) => presetNames.map((preset) => ({ label: `${basename(fixture, '.json')}.${preset}`, fixture, preset })))
const adversarialVariants = presetNames.map((preset) => ({ label: `adversarial.${preset}`, preset }))

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-readers-'))
  const models = new Map(realFixtureNames.map((name) => [name, normaliseTranscript(loadRealExport(name))]))
  for (const v of fixtureVariants) {
    for (const format of ['srt', 'vtt', 'ass', 'ttml'] as const) await writeOne(v.label, format, models.get(v.fixture)!, { preset: v.preset })
  }
  for (const v of adversarialVariants) {
    // Annotations as cues (NOTEs in WebVTT), with a programme start just before 24 hours.
    const options: WriteOptions = { preset: v.preset, overrides: { startOffsetMs: 86_390_000 }, annotations: 'cues', title: 'T & <t> {\\b1}' }
    for (const format of ['srt', 'vtt', 'ass', 'ttml'] as const) await writeOne(v.label, format, adversarialModel(), options)
  }
}, 120_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

const namesOf = (format: SubtitleFormat): string[] => files.filter((f) => f.format === format).map((f) => f.name)
const fileNames = (format: SubtitleFormat): string[] => [...fixtureVariants, ...adversarialVariants].map((v) => `${v.label}.${format}`)

// --- ffmpeg ---

interface FfmpegCue {
  readonly startMs: number
  readonly endMs: number
  readonly lines: readonly string[]
}

/** ffmpeg's reading of a subtitle file: times from its SRT output (ms), text from its ASS output. */
async function ffmpegRead(path: string): Promise<{ cues: FfmpegCue[]; errors: string[] }> {
  const opts = { maxBuffer: 256 * 1024 * 1024 }
  const srt = (await run('ffmpeg', ['-v', 'error', '-nostdin', '-i', path, '-f', 'srt', '-'], opts)).stdout
  const ass = (await run('ffmpeg', ['-v', 'error', '-nostdin', '-i', path, '-f', 'ass', '-'], opts)).stdout
  const times = [...srt.matchAll(/^(\d+):(\d\d):(\d\d),(\d{3}) --> (\d+):(\d\d):(\d\d),(\d{3})\r?$/gm)].map((m) => {
    const t = m.slice(1).map(Number)
    return [((t[0] * 60 + t[1]) * 60 + t[2]) * 1000 + t[3], ((t[4] * 60 + t[5]) * 60 + t[6]) * 1000 + t[7]]
  })
  const errors: string[] = []
  const texts = ass
    .split(/\r?\n/)
    .filter((l) => l.startsWith('Dialogue: '))
    .map((l) => {
      const text = l.split(',').slice(9).join(',')
      return text.split('\\N').map((line) => {
        // Our own style switch at a dialogue cue's second line (ASS input).
        const body = line.replace(/^\{\\r[^{}\\]*\}/, '')
        // Braces ffmpeg escaped itself (WebVTT input) are text; any other override block is not ours.
        const unescaped = body.replace(/\\\{\{\}/g, '{').replace(/\\\{/g, '{').replace(/\\\}/g, '}')
        if (/(?<!\\)\{[^}]*\}/.test(body.replace(/\\\{\{\}|\\[{}]/g, ''))) errors.push(`override block in ${JSON.stringify(line)}`)
        return unescaped
      })
    })
  if (times.length !== texts.length) errors.push(`${times.length} SRT cues but ${texts.length} ASS events`)
  return { cues: times.map(([startMs, endMs], k) => ({ startMs, endMs, lines: texts[k] ?? [] })), errors }
}

describe.skipIf(!has.ffmpeg)(title('ffmpeg reads SRT, WebVTT and ASS: same cues, times and text', 'ffmpeg', 'ffmpeg'), () => {
  it.each([...fileNames('srt'), ...fileNames('vtt'), ...fileNames('ass')])('%s', async (name) => {
    const file = byName.get(name)!
    const { cues, errors } = await ffmpegRead(file.path)
    expect(errors).toEqual([])
    expect(cues.length).toBe(file.cues.length)
    const cs = (ms: number): number => (file.format === 'ass' ? Math.ceil(ms / 10) * 10 : ms)
    expect(cues.map((c) => [c.startMs, c.endMs])).toEqual(file.cues.map((c) => [cs(c.startMs), cs(c.endMs)]))
    // This ffmpeg's WebVTT reader passes a backslash through to its ASS events unescaped, so a
    // literal "\N" in WebVTT text reads as a line break there (a reader limitation: Chromium and
    // the W3C parser read it as text). Such cues are left out of the text comparison.
    const comparable = (k: number): boolean => file.format !== 'vtt' || !file.cues[k].lines.some((l) => l.includes('\\'))
    const read = cues.map((c, k) => (comparable(k) ? c.lines : null))
    const expected = file.cues.map((c, k) => (comparable(k) ? c.lines.map((l) => expectedLine(file.format, l)) : null))
    expect(read).toEqual(expected)
  })
})

// --- xmllint ---

describe.skipIf(!has.xmllint)(title('xmllint: every TTML file is well-formed XML', 'xmllint', 'libxml2-utils'), () => {
  it.each(fileNames('ttml'))('%s', async (name) => {
    const { stdout, stderr } = await run('xmllint', ['--noout', '--nonet', byName.get(name)!.path])
    expect(stderr).toBe('')
    expect(stdout).toBe('')
  })
})

// --- Chromium ---

// Browser-side code as source text (the node tsconfig has no DOM types); runs only in Chromium.
const readTrackInPage = `async (src) => {
  const video = document.createElement('video')
  const track = document.createElement('track')
  track.kind = 'subtitles'
  track.src = src
  track.default = true
  video.appendChild(track)
  document.body.appendChild(video)
  track.track.mode = 'hidden'
  await new Promise((resolve, reject) => {
    track.addEventListener('load', () => resolve())
    track.addEventListener('error', () => reject(new Error('track failed to load: ' + src)))
  })
  const cues = Array.from(track.track.cues || [])
  const out = cues.map((c) => {
    const frag = c.getCueAsHTML()
    return {
      startMs: Math.round(c.startTime * 1000),
      endMs: Math.round(c.endTime * 1000),
      text: frag.textContent,
      voices: Array.from(frag.querySelectorAll('span[title]')).map((s) => s.getAttribute('title'))
    }
  })
  video.remove()
  return out
}`

interface PageCue {
  startMs: number
  endMs: number
  text: string
  voices: string[]
}

// Chromium's namespace-aware XML parser on a TTML file: the IMSC1 text profile's skeleton.
const checkTtmlInPage = `(xml) => {
  const doc = new DOMParser().parseFromString(xml, 'application/xml')
  const error = doc.getElementsByTagName('parsererror')[0]?.textContent ?? null
  const tt = doc.documentElement
  const ns = 'http://www.w3.org/ns/ttml'
  const xmlNs = 'http://www.w3.org/XML/1998/namespace'
  const child = (parent, localName) =>
    parent ? (Array.from(parent.children).find((c) => c.localName === localName && c.namespaceURI === ns) ?? null) : null
  const head = child(tt, 'head')
  const body = child(tt, 'body')
  const div = child(body, 'div')
  const ps = div ? Array.from(div.children).filter((c) => c.localName === 'p' && c.namespaceURI === ns) : []
  const clock = /^\\d{2,}:\\d\\d:\\d\\d\\.\\d{3}$/
  return {
    error,
    root: tt.namespaceURI + ' ' + tt.localName,
    profile: tt.getAttributeNS('http://www.w3.org/ns/ttml#parameter', 'profile'),
    lang: tt.getAttributeNS(xmlNs, 'lang'),
    styling: !!child(head, 'styling') && !!child(child(head, 'styling'), 'style'),
    region: child(child(head, 'layout'), 'region')?.getAttributeNS(xmlNs, 'id') ?? null,
    bodyRegion: body?.getAttribute('region') ?? null,
    paragraphs: ps.length,
    timed: ps.every((p) => clock.test(p.getAttribute('begin') ?? '') && clock.test(p.getAttribute('end') ?? ''))
  }
}`

interface TtmlSkeleton {
  error: string | null
  root: string
  profile: string | null
  lang: string | null
  styling: boolean
  region: string | null
  bodyRegion: string | null
  paragraphs: number
  timed: boolean
}

describe.skipIf(!has.chromium)(title('Chromium loads each WebVTT file as a <track> (cues, times, text, voices) and parses each TTML file', 'chromium', 'chromium'), () => {
  let browser: Browser
  let page: Page
  let server: Server
  let base = ''

  beforeAll(async () => {
    server = createServer((req, res) => {
      const name = decodeURIComponent((req.url ?? '/').slice(1))
      if (name === '') {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>tracks</title><body></body>')
        return
      }
      const file = byName.get(name)
      if (!file) res.writeHead(404).end()
      else res.writeHead(200, { 'content-type': 'text/vtt; charset=utf-8' }).end(file.content)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    })
    page = await browser.newPage()
    await page.goto(base)
  }, 30_000)

  afterAll(async () => {
    await browser?.close()
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  })

  it.each(fileNames('vtt'))('%s', async (name) => {
    const file = byName.get(name)!
    const cues = (await page.evaluate(`(${readTrackInPage})(${JSON.stringify(base + name)})`)) as PageCue[]
    expect(cues.length).toBe(file.cues.length)
    expect(cues.map((c) => [c.startMs, c.endMs])).toEqual(file.cues.map((c) => [c.startMs, c.endMs]))
    expect(cues.map((c) => c.text)).toEqual(file.cues.map((c) => c.lines.join('\n')))
    // One voice span per line of a dialogue cue, one per cue otherwise; the names as written
    // (& < > { } \ as full-width look-alikes, see vtt.ts).
    const names = speakerNamesOf(file.model)
    const voice = (id: string | null): string | null => names(id)?.replace(/[&<>{}\\]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)) ?? null
    const expected = file.cues.map((c) => {
      if (c.kind !== 'speech') return []
      const perLine = c.lineSpeakers.map(voice)
      const distinct = new Set(perLine).size > 1
      return (distinct ? perLine : perLine.slice(0, 1)).filter((v): v is string => v !== null)
    })
    expect(cues.map((c) => c.voices)).toEqual(expected)
  })

  it.each(fileNames('ttml'))('%s has the IMSC1 text skeleton', async (name) => {
    const file = byName.get(name)!
    const result = (await page.evaluate(`(${checkTtmlInPage})(${JSON.stringify(file.content)})`)) as TtmlSkeleton
    expect(result).toEqual({
      error: null,
      root: 'http://www.w3.org/ns/ttml tt',
      profile: 'http://www.w3.org/ns/ttml/profile/imsc1/text',
      lang: 'en',
      styling: true,
      region: 'bottom',
      bodyRegion: 'bottom',
      paragraphs: file.cues.length,
      timed: true
    })
  })
})

// --- LibreOffice ---

describe.skipIf(!has.soffice)(title('LibreOffice reads each DOCX as the transcript', 'soffice', 'libreoffice-writer-nogui'), () => {
  const docs = [...realFixtureNames.map((name) => ({ label: basename(name, '.json'), model: () => normaliseTranscript(loadRealExport(name)) })), { label: 'adversarial', model: adversarialModel }]
  const texts = new Map<string, string>()

  beforeAll(async () => {
    const docxDir = join(dir, 'docx')
    await mkdir(docxDir, { recursive: true })
    const paths: string[] = []
    for (const d of docs) {
      const options: WriteOptions = { timecodes: true, annotations: 'cues', title: `${d.label} & <co> {\\b1}` }
      const path = join(docxDir, `${d.label}.docx`)
      await writeFile(path, (await writeFormat('docx', d.model(), options)).content)
      paths.push(path)
    }
    // One conversion for every file, with a private profile (another instance may hold the default one).
    const outDir = join(dir, 'lo-out')
    await run(sofficePath, [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', outDir, ...paths], { timeout: 170_000 })
    for (const name of await readdir(outDir)) texts.set(basename(name, '.txt'), (await readFile(join(outDir, name), 'utf8')).replace(/^\uFEFF/, ''))
  }, 180_000)

  it.each(docs.map((d) => d.label))('%s', async (label) => {
    const d = docs.find((x) => x.label === label)!
    const options: WriteOptions = { timecodes: true, annotations: 'cues' }
    const txt = (await writeFormat('txt', d.model(), options)).content as string
    const lines = (texts.get(label) ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
    expect(lines).toEqual([`${label} & <co> {\\b1}`, ...txt.trimEnd().split('\n\n')])
  })
})

it('has files for every reader', () => {
  expect(namesOf('vtt').length).toBe(fixtureVariants.length + adversarialVariants.length)
})

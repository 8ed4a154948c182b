import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { chromium } from '@playwright/test'
import type { Browser, Page } from '@playwright/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolvePreset, segmentCues, writeFormat } from '../../shared/subtitles/index'
import type { ExportFormat, WriteOptions } from '../../shared/subtitles/index'
import { writeTxt } from '../../shared/subtitles/writers/transcript'
import type { TranscriptModel } from '../../shared/transcript/model'
import { modelFromDpe } from '../shared/subtitles/model-from-dpe'

/*
 * Real parsers read what the writers write (issue 6 "done when"): ffmpeg's SRT, WebVTT and ASS
 * demuxers give back the same number of cues; Chromium's own WebVTT parser (a <track>) loads
 * every cue; the TTML is well-formed XML with the IMSC1 text profile's skeleton (Chromium's
 * DOMParser); LibreOffice reads the DOCX and its text is the transcript's. The 11-minute
 * fixture keeps it quick: one Chromium launch, one LibreOffice conversion.
 */

const run = promisify(execFile)
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

interface Written {
  readonly name: string
  readonly path: string
  readonly cues: number
  readonly content: string | Uint8Array
}

// Variants that exercise dialogue dashes + voice tags (netflix-en), speaker-per-cue with
// NOTEs (web), and timestamps past 24 hours (bbc with a 25:00:00 programme start).
const variants: { readonly label: string; readonly options: WriteOptions }[] = [
  { label: 'netflix', options: { preset: 'netflix-en' } },
  { label: 'web-notes', options: { preset: 'web', annotations: 'notes' } },
  { label: 'bbc-25h', options: { preset: 'bbc', overrides: { startOffsetMs: 90_000_000 }, annotations: 'cues' } }
]

let dir = ''
let model: TranscriptModel
const files = new Map<string, Written>()

async function writeOne(format: ExportFormat, label: string, options: WriteOptions): Promise<Written> {
  const out = await writeFormat(format, model, options)
  const path = join(dir, `${label}.${out.extension}`)
  await writeFile(path, out.content)
  const preset = resolvePreset(typeof options.preset === 'string' ? options.preset : 'netflix-en', options.overrides)
  const cues = segmentCues(model, preset, { annotations: options.annotations }).cues.length
  const written = { name: `${label}.${out.extension}`, path, cues, content: out.content }
  files.set(written.name, written)
  return written
}

/** Number of cues ffmpeg reads from a subtitle file, counted in its SRT re-encoding. */
async function ffmpegCueCount(path: string): Promise<number> {
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-nostdin', '-i', path, '-f', 'srt', '-'], { maxBuffer: 64 * 1024 * 1024 })
  return stdout.split('\n').filter((l) => /^\d+:\d\d:\d\d,\d{3} --> \d+:\d\d:\d\d,\d{3}$/.test(l.trim())).length
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-subs-'))
  model = modelFromDpe('kate-darling-ted.dpe.json')
  // The fixture carries no annotations; give it two so NOTE blocks and annotation cues are real.
  model = {
    ...model,
    annotations: [
      { id: 'a1', content: 'laughter', startMs: 60_000, endMs: 61_000 },
      { id: 'a2', content: 'applause --> <loud> & long', startMs: 700_000, endMs: 703_000 }
    ]
  }
  for (const v of variants) {
    for (const format of ['srt', 'vtt', 'ass', 'ttml', 'sbv'] as const) await writeOne(format, v.label, v.options)
  }
})

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('ffmpeg reads SRT, WebVTT and ASS with the same cue count', () => {
  it.each(variants.flatMap((v) => ['srt', 'vtt', 'ass'].map((ext) => `${v.label}.${ext}`)))('%s', async (name) => {
    const file = files.get(name)!
    expect(file.cues).toBeGreaterThan(100)
    expect(await ffmpegCueCount(file.path)).toBe(file.cues)
  })

  it('keeps times past 24 hours (SRT re-encoded by ffmpeg)', async () => {
    const { stdout } = await run('ffmpeg', ['-v', 'error', '-nostdin', '-i', files.get('bbc-25h.srt')!.path, '-f', 'srt', '-'], { maxBuffer: 64 * 1024 * 1024 })
    expect(stdout).toMatch(/^25:00:1\d,\d{3} --> /m)
  })
})

// Browser-side code, as source text: the node tsconfig has no DOM types, and these run only
// in Chromium (page.evaluate of a string).
const loadTrackInPage = `async (src) => {
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
  return {
    count: cues.length,
    first: cues[0] ? { start: cues[0].startTime, end: cues[0].endTime } : null,
    last: cues.length ? { start: cues[cues.length - 1].startTime, end: cues[cues.length - 1].endTime } : null,
    voices: cues.filter((c) => c.text.startsWith('<v ')).length
  }
}`

interface TrackResult {
  count: number
  first: { start: number; end: number } | null
  last: { start: number; end: number } | null
  voices: number
}

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
    timed: ps.every((p) => clock.test(p.getAttribute('begin') ?? '') && clock.test(p.getAttribute('end') ?? '')),
    breaks: doc.getElementsByTagNameNS(ns, 'br').length
  }
}`

interface TtmlResult {
  error: string | null
  root: string
  profile: string | null
  lang: string | null
  styling: boolean
  region: string | null
  bodyRegion: string | null
  paragraphs: number
  timed: boolean
  breaks: number
}

// Where a tool is missing the block is skipped and its title says which and how to install it.
const hasChromium = existsSync(chromiumPath)
describe.skipIf(!hasChromium)(hasChromium ? 'Chromium' : `Chromium — SKIPPED: no browser at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`, () => {
  let browser: Browser
  let page: Page
  let server: Server
  let base = ''

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const name = decodeURIComponent((req.url ?? '/').slice(1))
      if (name === '') {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>tracks</title><body></body>')
        return
      }
      const file = files.get(name)
      if (!file) {
        res.writeHead(404).end()
        return
      }
      res.writeHead(200, { 'content-type': name.endsWith('.vtt') ? 'text/vtt; charset=utf-8' : 'application/xml; charset=utf-8' }).end(file.content)
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

  it.each(variants.map((v) => `${v.label}.vtt`))('loads %s as a <track> with every cue', async (name) => {
    const file = files.get(name)!
    const result = (await page.evaluate(`(${loadTrackInPage})(${JSON.stringify(base + name)})`)) as TrackResult
    expect(result.count).toBe(file.cues)
    const text = file.content as string
    const times = [...text.matchAll(/^(\d+):(\d\d):(\d\d)\.(\d{3}) --> (\d+):(\d\d):(\d\d)\.(\d{3})/gm)].map((m) => m.slice(1).map(Number))
    const ms = (t: number[]): number => ((t[0] * 60 + t[1]) * 60 + t[2]) * 1000 + t[3]
    expect(Math.round(result.first!.start * 1000)).toBe(ms(times[0].slice(0, 4)))
    expect(Math.round(result.last!.end * 1000)).toBe(ms(times[times.length - 1].slice(4)))
    expect(result.voices).toBeGreaterThan(0)
  })

  it.each(variants.map((v) => `${v.label}.ttml`))('%s is well-formed XML with the IMSC1 text skeleton', async (name) => {
    const file = files.get(name)!
    const result = (await page.evaluate(`(${checkTtmlInPage})(${JSON.stringify(file.content)})`)) as TtmlResult
    expect(result.error).toBeNull()
    expect(result.root).toBe('http://www.w3.org/ns/ttml tt')
    expect(result.profile).toBe('http://www.w3.org/ns/ttml/profile/imsc1/text')
    expect(result.lang).toBe('en')
    expect(result.styling).toBe(true)
    expect(result.region).toBe('bottom')
    expect(result.bodyRegion).toBe('bottom')
    expect(result.paragraphs).toBe(file.cues)
    expect(result.timed).toBe(true)
    expect(result.breaks).toBeGreaterThan(0)
  })
})

const hasSoffice = existsSync('/usr/bin/soffice') || Boolean(process.env.SOFFICE_PATH)
describe.skipIf(!hasSoffice)(hasSoffice ? 'LibreOffice' : 'LibreOffice — SKIPPED: soffice is not installed (apt-get install libreoffice-writer-nogui, or set SOFFICE_PATH)', () => {
  it('reads the DOCX and its text is the transcript', async () => {
    const options: WriteOptions = { timecodes: true, annotations: 'cues', title: 'Kate Darling' }
    const docx = await writeOne('docx', 'transcript', options)
    const outDir = join(dir, 'lo-out')
    // A private profile: LibreOffice refuses to start when another instance holds the default one.
    const profile = `file://${join(dir, 'lo-profile')}`
    await run(process.env.SOFFICE_PATH ?? 'soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'txt:Text', '--outdir', outDir, docx.path], { timeout: 50_000 })
    const [txtName] = (await readdir(outDir)).filter((n) => n.endsWith('.txt'))
    const text = (await readFile(join(outDir, txtName), 'utf8')).replace(/^\uFEFF/, '')
    const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
    const expected = ['Kate Darling', ...writeTxt(model, { timecodes: true, annotations: true }).split('\n\n').map((p) => p.trim())]
    expect(lines).toEqual(expected)
  }, 60_000)
})

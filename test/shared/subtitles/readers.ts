import { createRequire } from 'node:module'
import { parse as parseAss } from 'ass-compiler'
import mammoth from 'mammoth'
import SrtParser from 'srt-parser-2'

/*
 * Independent readers of what the writers write: third-party parsers from npm (the W3C's
 * WebVTT parser, sandflow's IMSC1 library, ass-compiler, srt-parser-2, mammoth) plus strict
 * grammar checks written from the format descriptions (SRT, SBV), each giving back the cues as
 * a player would see them. Tests compare those with the cues the engine produced, so a writer
 * bug shows as a reader's error or a cue that reads back differently.
 */

const require = createRequire(import.meta.url)

/** A cue as a reader sees it: times in ms, the lines of text shown, the speakers named. */
export interface ReadCue {
  readonly startMs: number
  readonly endMs: number
  readonly lines: readonly string[]
  /** Voice (WebVTT), agent (TTML) or style/name (ASS) per line, where the format carries one. */
  readonly voices?: readonly (string | null)[]
}

/** What a reader made of a file: its cues and every complaint it had. */
export interface ReadResult {
  readonly cues: readonly ReadCue[]
  readonly errors: readonly string[]
  /** WebVTT NOTE blocks, in file order. */
  readonly notes?: readonly string[]
}

/** The subtitle formats. */
export type SubtitleFormat = 'srt' | 'vtt' | 'ttml' | 'sbv' | 'ass'

/*
 * The text each format carries for a line as we laid it out. Formats with no escape for a
 * character that players would read as markup get its full-width look-alike instead:
 *   SRT and SBV: "<" opening a tag-like run ("<b>", "</i>", "<font") becomes "＜", "{\" becomes
 *     "｛\", and "\N" "\n" "\h" become "＼N" "＼n" "＼h"; SRT also writes every "{" as
 *     "｛" (libass hides any {...} ffmpeg passes on) and "-->" as "--＞".
 *   ASS: "\" "{" "}" become "＼" "｛" "｝".
 *   WebVTT and TTML escape instead, so their text is exactly the transcript's.
 */

/** The documented substitution of each format, applied to a line as we laid it out. */
export function expectedLine(format: SubtitleFormat, line: string): string {
  if (format === 'ass') return line.replace(/\\/g, '＼').replace(/\{/g, '｛').replace(/\}/g, '｝')
  if (format === 'srt' || format === 'sbv') {
    const safe = line
      .replace(/<(?=[A-Za-z/!?])/g, '＜')
      .replace(/\{(?=\\)/g, '｛')
      .replace(/\\(?=[Nnh])/g, '＼')
    return format === 'srt' ? safe.replace(/\{/g, '｛').replace(/-->/g, '--＞') : safe
  }
  return line
}

/** Undoes the look-alikes, for the word check. */
export const undoLookAlikes = (text: string): string => text.replace(/＜/g, '<').replace(/＞/g, '>').replace(/｛/g, '{').replace(/｝/g, '}').replace(/＼/g, '\\')

const clock = (h: string, m: string, s: string, frac: string): number => ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(frac.padEnd(3, '0'))

// --- WebVTT: the W3C's reference parser (webvtt-parser), with the full HTML entity table. ---

interface VttNode {
  readonly type: 'text' | 'object' | 'timestamp'
  readonly name?: string
  readonly value?: string | number
  readonly children?: readonly VttNode[]
}

interface VttParsed {
  readonly cues: readonly { startTime: number; endTime: number; text: string; id: string; tree: { children: readonly VttNode[] } }[]
  readonly errors: readonly { message: string; line: number; col?: number }[]
}

interface VttParserModule {
  WebVTTParser: new (entities?: Record<string, string>) => { parse(input: string, mode: string): VttParsed }
}

const vttModule = require('webvtt-parser') as VttParserModule
const htmlEntities = require('webvtt-parser/html-entities.json') as Record<string, string>

/** Character references as WebVTT decodes them (the parser leaves voice annotations raw). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)))
    return htmlEntities[`&${name};`] ?? whole
  })
}

/** Reads WebVTT with the W3C parser; every parser error is an error, and so are a few rules it does not check. */
export function readVtt(text: string): ReadResult {
  const errors: string[] = []
  if (text.charCodeAt(0) === 0xfeff) errors.push('starts with a byte order mark')
  if (text.includes('\r')) errors.push('has CR line ends')
  if (!text.endsWith('\n')) errors.push('does not end with a line break')
  const parsed = new vttModule.WebVTTParser(htmlEntities).parse(text, 'subtitles')
  for (const e of parsed.errors) errors.push(`line ${e.line}: ${e.message}`)
  // Blocks the parser reads as neither cue nor header: NOTE blocks, checked here.
  const blocks = text.replace(/\n$/, '').split('\n\n')
  if (blocks[0] !== 'WEBVTT') errors.push(`header block is ${JSON.stringify(blocks[0])}, not "WEBVTT"`)
  const notes: string[] = []
  for (const block of blocks.slice(1)) {
    if (block === '' || block === '\n') continue
    if (/^NOTE($|[ \t\n])/.test(block)) {
      if (block.includes('-->')) errors.push(`NOTE contains "-->": ${JSON.stringify(block)}`)
      notes.push(block.replace(/^NOTE[ \t\n]?/, ''))
    }
  }
  const cues = parsed.cues.map((cue) => {
    const lines: string[] = ['']
    const voices: (string | null)[] = [null]
    const walk = (nodes: readonly VttNode[], voice: string | null): void => {
      for (const node of nodes) {
        if (node.type === 'text') {
          const parts = String(node.value).split('\n')
          parts.forEach((part, k) => {
            if (k > 0) {
              lines.push('')
              voices.push(voice)
            }
            lines[lines.length - 1] += part
            if (part && voices[voices.length - 1] === null) voices[voices.length - 1] = voice
          })
        } else if (node.type === 'object') {
          if (node.name !== 'v') errors.push(`cue ${cue.startTime}: unexpected <${node.name}> span`)
          walk(node.children ?? [], node.name === 'v' ? decodeEntities(String(node.value ?? '')) : voice)
        } else {
          errors.push(`cue ${cue.startTime}: unexpected timestamp tag`)
        }
      }
    }
    walk(cue.tree.children, null)
    if (cue.text.includes('-->')) errors.push(`cue ${cue.startTime}: "-->" in cue text`)
    return { startMs: Math.round(cue.startTime * 1000), endMs: Math.round(cue.endTime * 1000), lines, voices }
  })
  return { cues, errors, notes }
}

// --- SRT: a strict reading of the SubRip layout, cross-checked with srt-parser-2. ---

const srtTiming = /^(\d{2,}):([0-5]\d):([0-5]\d),(\d{3}) --> (\d{2,}):([0-5]\d):([0-5]\d),(\d{3})$/

/**
 * Reads SRT strictly: UTF-8 without a byte order mark, LF line ends throughout, blocks of a
 * sequence number (1..n), a `HH:MM:SS,mmm --> HH:MM:SS,mmm` line and one or more non-blank text
 * lines, one blank line between blocks, one line break at the end. Where every hour fits in two
 * digits, srt-parser-2 must read the same cues.
 */
export function readSrt(text: string): ReadResult {
  const errors: string[] = []
  if (text.charCodeAt(0) === 0xfeff) errors.push('starts with a byte order mark')
  if (text.includes('\r')) errors.push('has CR line ends')
  if (text === '') return { cues: [], errors }
  if (!text.endsWith('\n') || text.endsWith('\n\n')) errors.push('does not end with exactly one line break')
  const cues: ReadCue[] = []
  text
    .replace(/\n$/, '')
    .split('\n\n')
    .forEach((block, k) => {
      const [index, timing, ...lines] = block.split('\n')
      if (index !== String(k + 1)) errors.push(`block ${k + 1}: sequence number ${JSON.stringify(index)}`)
      const t = srtTiming.exec(timing ?? '')
      if (!t) {
        errors.push(`block ${k + 1}: timing line ${JSON.stringify(timing)}`)
        return
      }
      if (lines.length === 0) errors.push(`block ${k + 1}: no text`)
      for (const line of lines) if (!line.trim()) errors.push(`block ${k + 1}: blank text line`)
      cues.push({ startMs: clock(t[1], t[2], t[3], t[4]), endMs: clock(t[5], t[6], t[7], t[8]), lines })
    })
  if (cues.every((c) => c.endMs < 100 * 3_600_000)) {
    const other = new SrtParser().fromSrt(text)
    if (other.length !== cues.length) errors.push(`srt-parser-2 read ${other.length} cues, the strict reading ${cues.length}`)
    other.forEach((o, k) => {
      const c = cues[k]
      if (!c) return
      if (Math.round(o.startSeconds * 1000) !== c.startMs || Math.round(o.endSeconds * 1000) !== c.endMs) errors.push(`srt-parser-2 cue ${k + 1}: times ${o.startTime} --> ${o.endTime}`)
      if (o.id !== String(k + 1)) errors.push(`srt-parser-2 cue ${k + 1}: id ${o.id}`)
      if (o.text !== c.lines.join('\n')) errors.push(`srt-parser-2 cue ${k + 1}: text ${JSON.stringify(o.text)}`)
    })
  }
  return { cues, errors }
}

// --- SBV (YouTube): `H:MM:SS.mmm,H:MM:SS.mmm`, text lines, a blank line. ---

const sbvTiming = /^(\d+):([0-5]\d):([0-5]\d)\.(\d{3}),(\d+):([0-5]\d):([0-5]\d)\.(\d{3})$/

/** Reads SBV strictly, as YouTube's caption upload expects it. */
export function readSbv(text: string): ReadResult {
  const errors: string[] = []
  if (text.charCodeAt(0) === 0xfeff) errors.push('starts with a byte order mark')
  if (text.includes('\r')) errors.push('has CR line ends')
  if (text === '') return { cues: [], errors }
  if (!text.endsWith('\n') || text.endsWith('\n\n')) errors.push('does not end with exactly one line break')
  const cues: ReadCue[] = []
  text
    .replace(/\n$/, '')
    .split('\n\n')
    .forEach((block, k) => {
      const [timing, ...lines] = block.split('\n')
      const t = sbvTiming.exec(timing)
      if (!t) {
        errors.push(`block ${k + 1}: timing line ${JSON.stringify(timing)}`)
        return
      }
      if (/^0\d/.test(t[1])) errors.push(`block ${k + 1}: hours with a leading zero`)
      if (lines.length === 0) errors.push(`block ${k + 1}: no text`)
      for (const line of lines) {
        if (!line.trim()) errors.push(`block ${k + 1}: blank text line`)
        if (sbvTiming.test(line)) errors.push(`block ${k + 1}: text line reads as a timing line`)
      }
      cues.push({ startMs: clock(t[1], t[2], t[3], t[4]), endMs: clock(t[5], t[6], t[7], t[8]), lines })
    })
  return { cues, errors }
}

// --- TTML / IMSC1: sandflow's imsc library (the IMSC reference renderer's parser). ---

interface ImscContent {
  readonly kind: string
  readonly text?: string
  readonly contents?: readonly ImscContent[]
  readonly begin?: number
  readonly end?: number
}

interface ImscDoc {
  readonly body: ImscContent | null
  getMediaTimeEvents(): number[]
}

const imscFromXml = (require('imsc/src/main/js/doc.js') as { fromXML: (xml: string, handler: object) => ImscDoc | null }).fromXML

const ttmlNs = 'http://www.w3.org/ns/ttml'

// The tts: attributes IMSC 1.0.1's text profile permits (its feature table; image-only and
// TTML2-only styling such as tts:backgroundImage, tts:ruby or tts:fontKerning are not there).
const imsc1TextStyling = new Set([
  'backgroundColor', 'color', 'direction', 'display', 'displayAlign', 'extent', 'fontFamily', 'fontSize', 'fontStyle',
  'fontWeight', 'lineHeight', 'opacity', 'origin', 'overflow', 'padding', 'showBackground', 'textAlign',
  'textDecoration', 'textOutline', 'unicodeBidi', 'visibility', 'wrapOption', 'writingMode', 'zIndex'
])

/**
 * Reads TTML with imsc's `fromXML`: every info, warning, error and fatal report is an error.
 * Also checks what imsc does not: the IMSC1 text profile designator, `xml:lang`, namespaces,
 * and that each `ttm:agent` reference names a declared agent.
 */
export function readTtml(xml: string): ReadResult {
  const errors: string[] = []
  if (xml.charCodeAt(0) === 0xfeff) errors.push('starts with a byte order mark')
  const report = (level: string) => (message: string): boolean => {
    errors.push(`imsc ${level}: ${message}`)
    return false
  }
  let doc: ImscDoc | null = null
  try {
    doc = imscFromXml(xml, { info: report('info'), warn: report('warning'), error: report('error'), fatal: report('fatal') })
  } catch (error) {
    errors.push(`imsc threw: ${(error as Error).message}`)
  }
  const root = /<tt\s[^>]*>/.exec(xml)?.[0] ?? ''
  if (!root.includes(`xmlns="${ttmlNs}"`)) errors.push('root is not in the TTML namespace')
  if (!root.includes('ttp:profile="http://www.w3.org/ns/ttml/profile/imsc1/text"')) errors.push('no IMSC1 text profile designator')
  if (!/\sxml:lang="[A-Za-z]{2,3}(-[A-Za-z0-9]+)*"/.test(root)) errors.push('no xml:lang on <tt>')
  if (!root.includes('ttp:timeBase="media"') && /ttp:timeBase=/.test(root)) errors.push('time base is not media')
  // Styling and layout references resolve; only styling attributes the IMSC1 text profile has.
  const styleIds = new Set([...xml.matchAll(/<style xml:id="([^"]+)"/g)].map((m) => m[1]))
  const regionIds = new Set([...xml.matchAll(/<region xml:id="([^"]+)"/g)].map((m) => m[1]))
  for (const m of xml.matchAll(/\sstyle="([^"]*)"/g)) for (const id of m[1].split(' ')) if (!styleIds.has(id)) errors.push(`style "${id}" is not defined`)
  for (const m of xml.matchAll(/\sregion="([^"]*)"/g)) if (!regionIds.has(m[1])) errors.push(`region "${m[1]}" is not defined`)
  for (const m of xml.matchAll(/\stts:([A-Za-z]+)=/g)) if (!imsc1TextStyling.has(m[1])) errors.push(`tts:${m[1]} is not in the IMSC1 text profile`)
  const agents = new Set([...xml.matchAll(/<ttm:agent xml:id="([^"]+)"/g)].map((m) => m[1]))
  for (const m of xml.matchAll(/<p [^>]*ttm:agent="([^"]*)"/g)) {
    for (const id of m[1].split(' ')) if (!agents.has(id)) errors.push(`ttm:agent "${id}" is not declared`)
  }
  const cues: ReadCue[] = []
  const visit = (node: ImscContent): void => {
    if (node.kind === 'p') {
      const lines = ['']
      const text = (n: ImscContent): void => {
        if (n.kind === 'br') lines.push('')
        else if (n.kind === 'span' && n.text !== undefined) lines[lines.length - 1] += n.text
        for (const c of n.contents ?? []) text(c)
      }
      for (const c of node.contents ?? []) text(c)
      cues.push({ startMs: Math.round((node.begin ?? NaN) * 1000), endMs: Math.round((node.end ?? NaN) * 1000), lines })
      return
    }
    for (const c of node.contents ?? []) visit(c)
  }
  if (doc?.body) visit(doc.body)
  const agentRefs = [...xml.matchAll(/<p [^>]*>/g)].map((m) => /ttm:agent="([^"]*)"/.exec(m[0])?.[1] ?? null)
  return { cues: cues.map((c, k) => ({ ...c, voices: c.lines.map(() => agentRefs[k] ?? null) })), errors }
}

// --- ASS: ass-compiler. ---

/** Reads ASS with ass-compiler; checks the sections, fields and style references players need. */
export function readAss(text: string): ReadResult & { readonly styles: readonly string[]; readonly info: Readonly<Record<string, string>> } {
  const errors: string[] = []
  if (text.charCodeAt(0) === 0xfeff) errors.push('starts with a byte order mark')
  if (text.includes('\r')) errors.push('has CR line ends')
  const parsed = parseAss(text)
  const info = parsed.info as Record<string, string>
  if (info.ScriptType !== 'v4.00+') errors.push(`ScriptType ${JSON.stringify(info.ScriptType)}`)
  if (!/^\d+$/.test(info.PlayResX ?? '') || !/^\d+$/.test(info.PlayResY ?? '')) errors.push('PlayResX/PlayResY missing')
  const styleFormat = 'Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding'
  if (parsed.styles.format.join(', ') !== styleFormat) errors.push(`[V4+ Styles] Format is ${parsed.styles.format.join(', ')}`)
  const eventFormat = 'Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text'
  if (parsed.events.format.join(', ') !== eventFormat) errors.push(`[Events] Format is ${parsed.events.format.join(', ')}`)
  const styles = parsed.styles.style.map((s) => s.Name)
  if (new Set(styles).size !== styles.length) errors.push('duplicate style names')
  for (const s of parsed.styles.style) {
    if (Object.values(s).some((v) => v === undefined || v === '')) errors.push(`style ${s.Name} has an empty field`)
    for (const c of [s.PrimaryColour, s.SecondaryColour, s.OutlineColour, s.BackColour]) if (!/^&H[0-9A-F]{8}$/.test(c)) errors.push(`style ${s.Name}: colour ${c}`)
  }
  const lines = text.split('\n')
  for (const line of lines.filter((l) => l.startsWith('Dialogue: '))) {
    if (!/^Dialogue: \d+,\d+:[0-5]\d:[0-5]\d\.\d\d,\d+:[0-5]\d:[0-5]\d\.\d\d,/.test(line)) errors.push(`bad Dialogue times: ${line}`)
  }
  const cues = parsed.events.dialogue.map((d) => {
    if (!styles.includes(d.Style)) errors.push(`Dialogue at ${d.Start}: unknown style ${JSON.stringify(d.Style)}`)
    const voices: (string | null)[] = [d.Style]
    const out: string[] = ['']
    // Text outside override blocks, with \N as the line break; an override block anywhere but
    // a style reset (\r) at a line start is an error: nothing we write is a tag but those.
    d.Text.parsed.forEach((part) => {
      for (const tag of part.tags) {
        const keys = Object.keys(tag)
        if (keys.length !== 1 || keys[0] !== 'r') errors.push(`Dialogue at ${d.Start}: override tag ${JSON.stringify(tag)}`)
        else voices[voices.length - 1] = (tag as { r?: string }).r || d.Style
      }
      if (part.drawing.length) errors.push(`Dialogue at ${d.Start}: drawing`)
      const pieces = part.text.split('\\N')
      pieces.forEach((piece, k) => {
        if (k > 0) {
          out.push('')
          voices.push(voices[voices.length - 1])
        }
        out[out.length - 1] += piece
      })
    })
    for (const l of out) if (/\\[nh]/.test(l)) errors.push(`Dialogue at ${d.Start}: soft break or hard space escape in ${JSON.stringify(l)}`)
    return { startMs: Math.round(d.Start * 1000), endMs: Math.round(d.End * 1000), lines: out, voices }
  })
  return { cues, errors, styles, info }
}

// --- DOCX: mammoth's raw text. ---

/** The paragraphs mammoth reads from a DOCX, and its messages (warnings count as errors). */
export async function readDocx(bytes: Uint8Array): Promise<{ readonly paragraphs: readonly string[]; readonly errors: readonly string[] }> {
  const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
  return {
    paragraphs: result.value.split('\n').map((l) => l.trim()).filter(Boolean),
    errors: result.messages.map((m) => `mammoth ${m.type}: ${m.message}`)
  }
}

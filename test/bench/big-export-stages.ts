import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deserialize, serialize, setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { DocumentedTranscriptExport as TranscriptExport } from '../../shared/api/transcript-export'
import { transcriptExportSchema } from '../../shared/api/transcript-export'
import { tooDeepAt } from '../../shared/api/parse-export'
import { normaliseTranscript } from '../../shared/transcript'
import { readJsonText } from '../../electron/services/files/json-text'
import { hashExport } from '../../electron/services/drafts/export-hash'
import { convertRealFixture } from '../fixtures/real-to-export'
import { concatenated } from './transcript'

setFlagsFromString('--expose-gc')
const gc = (global.gc ?? runInNewContext('gc')) as () => void
const heap = (): number => { gc(); return process.memoryUsage().heapUsed }
const base = convertRealFixture('senate-hearing-2h.dpe.json') as unknown as TranscriptExport
const dir = await mkdtemp(join(tmpdir(), 'bx-'))
const file = join(dir, 'x.json')
await writeFile(file, JSON.stringify(concatenated(base, Number(process.env.TIMES ?? 20))))
const rows: Array<[string, number, number]> = []
let h = heap()
let t = performance.now()
const stage = (name: string): void => { const now = performance.now(); const hn = heap(); rows.push([name, Math.round(now - t), Math.round((hn - h) / 1e6)]); h = hn; t = performance.now() }
const text = await readJsonText(file); stage('read+decode')
const json = JSON.parse(text) as unknown; stage('JSON.parse')
tooDeepAt(json); stage('depth')
const data = transcriptExportSchema.parse(json) as TranscriptExport; stage('schema')
hashExport(data); stage('hash')
const bytes = serialize(data); stage(`v8.serialize (${Math.round(bytes.length / 1e6)} MB)`)
const copy = deserialize(bytes) as TranscriptExport; stage('v8.deserialize')
const model = normaliseTranscript(copy); stage('normalise')
const wire = JSON.stringify(data); stage('stringify')
const wb = serialize(wire); stage('serialize text')
const wt = deserialize(wb) as string; stage('deserialize text')
const back = JSON.parse(wt) as unknown; stage('renderer JSON.parse')
void back
console.table(rows)
void model; void text
await rm(dir, { recursive: true })

import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { deserialize, serialize, setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/*
 * One side of one open of a big export, in a fresh process (big-export.ts runs it, old and new
 * interleaved), so that neither way inherits the other's heap and memory is read per process:
 *   node --import tsx test/bench/big-export-open.ts main <checkout root> <export.json> <wire file>
 *   node --import tsx test/bench/big-export-open.ts renderer <checkout root> <wire file>
 * `main` does what the app's main process does with the file (read, parse + validate, the reply
 * as Electron's IPC writes it: v8.serialize, the hash after the reply) and writes the reply's
 * bytes; `renderer` reads them as the renderer does (v8.deserialize, the words put back when the
 * checkout packs them) and normalises. Each prints one JSON line: stage times (ms), the CPU time
 * of its critical-path stages (ms) and memory
 * (bytes) after a full collection (global.gc: what CDP's HeapProfiler.collectGarbage runs).
 */

setFlagsFromString('--expose-gc')
const collect = (global.gc ?? runInNewContext('gc')) as () => void
/** V8 heap plus the ArrayBuffers' backing stores (typed arrays, Buffers), after a full collection. */
const heldNow = (): number => {
  collect()
  const usage = process.memoryUsage()
  return usage.heapUsed + usage.arrayBuffers
}
/** CPU time (ms, all of the process's threads: the collector's helpers too) since `start`: steadier than wall time on a loaded machine. */
const cpuSince = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}
/** Peak resident memory of this process so far, bytes. */
const peakRss = (): number => process.resourceUsage().maxRSS * 1024

type Packing = {
  packWords(data: unknown): { data: unknown; words: unknown } | null
  unpackOpened<T>(opened: T): T
}

/** The checkout's packing of the reply's words, when it has one. */
async function packingOf(root: string): Promise<Packing | null> {
  const path = join(root, 'shared/ipc/packed-words.ts')
  return existsSync(path) ? ((await import(path)) as Packing) : null
}

async function mainSide(root: string, file: string, wireFile: string): Promise<Record<string, number>> {
  const text = (await import(join(root, 'electron/services/files/json-text.ts'))) as { readJsonText(path: string): Promise<string> }
  const files = (await import(join(root, 'electron/services/files/read-export-file.ts'))) as { parseTranscriptExport(text: string, name: string): unknown }
  const hashes = (await import(join(root, 'electron/services/drafts/export-hash.ts'))) as { hashExportInSlices(data: unknown): Promise<string> }
  const packing = await packingOf(root)
  const rss0 = process.memoryUsage().rss
  const held0 = heldNow()
  const out: Record<string, number> = {}
  const cpu0 = process.cpuUsage()
  let t = performance.now()
  const lap = (stage: string): void => {
    out[stage] = performance.now() - t
    t = performance.now()
  }
  let json: string | null = await text.readJsonText(file)
  lap('read')
  let data: unknown = files.parseTranscriptExport(json, 'big.json')
  json = null
  lap('parse + validate')
  // Both ways send the reply before hashing when no draft waits (electron/main/export-hashes.ts).
  let packed = packing?.packWords(data) ?? null
  let reply: unknown = { origin: 'file', fileName: 'big.json', data: packed ? packed.data : data, ...(packed ? { packedWords: packed.words } : {}), exportHash: 'pending-export-hash:0123456789abcdef01234567', draft: null }
  let wire: Buffer | null = serialize(reply)
  // Sent: main keeps nothing of the reply itself (only the export, until hashed).
  packed = null
  reply = null
  lap('IPC out (serialize)')
  out['cpu'] = cpuSince(cpu0)
  out['wire'] = wire.length
  await writeFile(wireFile, wire)
  wire = null
  // Main holds the export until its hash is done, then lets it go.
  out['main held after the reply'] = heldNow() - held0
  t = performance.now()
  await hashes.hashExportInSlices(data)
  out['hash after the reply'] = performance.now() - t
  data = null
  out['main held after the hash'] = heldNow() - held0
  out['main peak RSS extra'] = peakRss() - rss0
  return out
}

async function rendererSide(root: string, wireFile: string): Promise<Record<string, number>> {
  const transcript = (await import(join(root, 'shared/transcript/index.ts'))) as { normaliseTranscript(data: unknown): unknown }
  const packing = await packingOf(root)
  // Before the message arrives: the renderer's extra includes receiving it.
  const rss0 = process.memoryUsage().rss
  const held0 = heldNow()
  let wire: Buffer | null = await readFile(wireFile)
  const out: Record<string, number> = {}
  const cpu0 = process.cpuUsage()
  let t = performance.now()
  let reply = deserialize(wire) as { data: unknown }
  wire = null
  out['deserialize'] = performance.now() - t
  const u = performance.now()
  if (packing) reply = packing.unpackOpened(reply)
  out['unpack'] = performance.now() - u
  out['IPC in (deserialize)'] = performance.now() - t
  t = performance.now()
  const model = transcript.normaliseTranscript(reply.data)
  out['normalise'] = performance.now() - t
  out['renderer cpu'] = cpuSince(cpu0)
  out['renderer held (export + model)'] = heldNow() - held0
  out['renderer peak RSS extra'] = peakRss() - rss0
  if (!model) throw new Error('no model')
  return out
}

const [role, root, a, b] = process.argv.slice(2)
const figures = role === 'main' ? await mainSide(resolve(root), a, b) : await rendererSide(resolve(root), a)
console.log(JSON.stringify(figures))

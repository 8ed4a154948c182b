import { performance } from 'node:perf_hooks'
import { parentPort } from 'node:worker_threads'
import { toErrorData } from '../../../shared/errors'
import { planDecode, type DecodePart } from './decode-plan'
import { decodeFile, warmDecoder, type DecoderKind } from './pcm-decoders'
import { PeakAccumulator, type PeaksData } from './peak-accumulator'
import { encodePeaksFile, type PeaksFileKey } from './peaks-file'
import { SegmentPeaks } from './segment-peaks'
import { lowerThreadPriority } from './thread-priority'

/*
 * Decode worker entry (a Node worker thread started by decode-pool.ts with a memory limit): all
 * parsing and decoding of recording bytes happens here, so a hostile or huge file can neither
 * block main's event loop nor take main down. One job per message; replies are WorkerReply.
 */

/** A job for the decode worker. */
export type WorkerJob =
  | { readonly type: 'plan'; readonly path: string; readonly kind: DecoderKind; readonly parts: number }
  | { readonly type: 'part'; readonly path: string; readonly kind: DecoderKind; readonly part: DecodePart; readonly sampleRate: number; readonly pps: number; readonly mono?: boolean }
  | { readonly type: 'whole'; readonly path: string; readonly kind: DecoderKind; readonly pps: number; readonly maxBuckets: number }
  | { readonly type: 'encode'; readonly key: PeaksFileKey; readonly peaks: PeaksData }
  /** Compile `kind`'s decoder now, while nobody waits (no reply). */
  | { readonly type: 'warm'; readonly kind: DecoderKind }

/** What the decode worker posts back. */
export type WorkerReply =
  | { readonly type: 'plan'; readonly plan: Awaited<ReturnType<typeof planDecode>> }
  | { readonly type: 'peaks'; readonly first: number; readonly min: Float32Array; readonly max: Float32Array }
  | { readonly type: 'bytes'; readonly read: number; readonly total: number }
  | { readonly type: 'done'; readonly kept: number; readonly peaks?: ReturnType<PeakAccumulator['finish']> }
  | { readonly type: 'encoded'; readonly bytes: Uint8Array }
  /** A point in the job, for the benches' breakdown: wall-clock ms (`performance.timeOrigin + now()`). */
  | { readonly type: 'stage'; readonly name: 'decoder-ready' | 'first-chunk'; readonly at: number }
  | { readonly type: 'error'; readonly code: string; readonly message: string; readonly reason?: string; readonly params?: Readonly<Record<string, string | number>> }

/** Buckets sent at once at most every this many decoded chunks, so the first ones show early. */
const batchBuckets = 512

const port = parentPort
if (port) {
  // Main's loop gets a core as soon as it wakes, not after a decode's time slice (thread-priority.ts).
  lowerThreadPriority()
  const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []): void => port.postMessage(reply, transfer)
  // Decoding jobs wait for a decoder being compiled ('warm'); planning, encoding and WAV need none.
  let warming: Promise<unknown> = Promise.resolve()
  port.on('message', (job: WorkerJob) => {
    if (job.type === 'warm') {
      warming = warming.then(() => warmDecoder(job.kind)).catch(() => undefined)
      return
    }
    const ready = (job.type === 'part' || job.type === 'whole') && job.kind !== 'wav' ? warming : Promise.resolve()
    void ready
      .then(() => run(job, post))
      .catch((error: unknown) => post({ type: 'error', ...toErrorData(error) }))
  })
}

const stage = (name: 'decoder-ready' | 'first-chunk'): WorkerReply => ({ type: 'stage', name, at: performance.timeOrigin + performance.now() })

async function run(job: WorkerJob, post: (reply: WorkerReply, transfer?: ArrayBuffer[]) => void): Promise<void> {
  // Progress at most every half percent of this job's bytes (main reports whole percents): one
  // message per 256 KB read woke main's loop ~1,300 times for a 3-hour WAV.
  let posted = 0
  const onBytes = (read: number, total: number): void => {
    if (read < total && read - posted < total / 200) return
    posted = read
    post({ type: 'bytes', read, total })
  }
  switch (job.type) {
    case 'encode': {
      // The cache file's million Int16 stores cost main tens of ms: done here instead.
      const bytes = encodePeaksFile(job.key, job.peaks)
      return post({ type: 'encoded', bytes }, [bytes.buffer as ArrayBuffer])
    }
    case 'warm':
      return
    case 'plan':
      return post({ type: 'plan', plan: await planDecode(job.path, job.kind, job.parts) })
    case 'whole': {
      const accumulator = new PeakAccumulator(job.pps, job.maxBuckets)
      post(stage('decoder-ready'))
      await decodeFile(
        job.path,
        job.kind,
        (channels, frames, sampleRate) => {
          if (accumulator.frameCount === 0) post(stage('first-chunk'))
          accumulator.add(channels, frames, sampleRate)
        },
        { onBytes }
      )
      // Moved, not copied: a clone would be copied again on main's side as it arrives.
      const peaks = accumulator.finish()
      return post({ type: 'done', kept: accumulator.frameCount, peaks }, [peaks.min.buffer as ArrayBuffer, peaks.max.buffer as ArrayBuffer])
    }
    case 'part': {
      const { part } = job
      const peaks = new SegmentPeaks(part.firstSample, job.sampleRate, job.pps)
      let sent = false
      const send = (final: boolean): void => {
        const batch = peaks.take(final)
        sent = true
        if (batch) post({ type: 'peaks', ...batch }, [batch.min.buffer as ArrayBuffer, batch.max.buffer as ArrayBuffer])
      }
      let seen = 0
      const last = part.discard + part.keep
      let rate = job.sampleRate
      post(stage('decoder-ready'))
      await decodeFile(
        job.path,
        job.kind,
        (channels, frames, sampleRate) => {
          rate = sampleRate
          if (seen === 0) post(stage('first-chunk'))
          // Keep only output frames [discard, discard + keep): the priming overlap and, in the
          // last part, mpg123's end padding are dropped.
          const from = Math.max(0, part.discard - seen)
          const to = Math.min(frames, last - seen)
          seen += frames
          if (to > from) peaks.add(channels, from, to)
        },
        {
          // After each chunk read (not each decoder read: the direct mp3 path hands on a frame or
          // two at a time), the first buckets go as soon as there are any (the first waveform),
          // then in batches.
          onBytes: (read, total) => {
            onBytes(read, total)
            if (peaks.pending >= (sent ? batchBuckets : 1)) send(false)
          },
          byteStart: part.byteStart,
          byteEnd: part.byteEnd,
          gapless: part.gapless,
          mono: job.mono ?? false
        }
      )
      if (rate !== job.sampleRate) throw new Error(`The sample rate changed to ${rate} Hz inside the recording.`)
      send(true)
      return post({ type: 'done', kept: Math.max(0, Math.min(seen, last) - part.discard) })
    }
  }
}

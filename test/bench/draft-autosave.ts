import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serialize } from 'node:v8'
import type { DocumentedTranscriptExport as TranscriptExport } from '../../shared/api/transcript-export'
import { normaliseTranscript, setSegmentText, type TranscriptModel } from '../../shared/transcript'
import { diffModel } from '../../shared/transcript/model-patch'
import { createDraftStore } from '../../electron/services/drafts/draft-store'
import { convertRealFixture } from '../fixtures/real-to-export'
import { concatenated } from './transcript'
import { summarise } from './stats'
import type { Figures } from './stats'

/*
 * Autosave after a keystroke, old (the whole model through `drafts:save`) against new (what
 * changed through `drafts:patch`), in the same run, at 2 and 6 hours. The renderer's cost is the
 * IPC copy: Electron serialises an invoke's arguments with V8's value serializer on the calling
 * thread, so `v8.serialize` of the request is that copy (plus, for the patch, finding what
 * changed). Main's cost is the write: an atomic full draft against one fsynced journal record.
 * Target: no long task (> 16 ms) in the renderer after a keystroke.
 */

const runs = 15

/** Each run types into a different segment, as a reviewer working down the transcript does. */
function keystrokes(model: TranscriptModel): TranscriptModel[] {
  const out: TranscriptModel[] = []
  let current = model
  for (let i = 0; i < runs; i++) {
    const seg = current.segments[(i * 37) % current.segments.length]!
    current = setSegmentText(current, seg.id, `typed ${i} words here`)
    out.push(current)
  }
  return out
}

/** Runs the benchmark and returns its figures. */
export async function run(): Promise<Figures> {
  const base = convertRealFixture('senate-hearing-2h.dpe.json') as unknown as TranscriptExport
  const figures: Figures = {}
  for (const [label, times] of [['2h', 1], ['6h', 3]] as const) {
    const model = normaliseTranscript((times === 1 ? base : concatenated(base, times)) as never)
    const edits = keystrokes(model)
    const full: number[] = []
    const patch: number[] = []
    let patchBytes = 0
    // One untimed pass first, so the figures are the steady cost a reviewer sees, not the JIT's first call.
    diffModel(model, edits[0]!)
    serialize({ patch: diffModel(model, edits[0]!) })
    edits.forEach((next, i) => {
      let t = performance.now()
      serialize({ taskId: next.taskId, exportHash: 'h', document: next })
      full.push(performance.now() - t)
      t = performance.now()
      const request = { taskId: next.taskId, exportHash: 'h', base: 'g:1', patch: diffModel(i === 0 ? model : edits[i - 1]!, next) }
      patchBytes = serialize(request).length
      patch.push(performance.now() - t)
    })
    const oldFig = summarise(full, 2)
    const newFig = summarise(patch, 3)
    figures[`${label} autosave after a keystroke, renderer IPC copy: old (whole model)`] = oldFig
    figures[`${label} autosave after a keystroke, renderer IPC copy: new (patch, ${(patchBytes / 1024).toFixed(1)} KB; target ≤ 16 ms, max ${Math.max(...patch).toFixed(3)} ms)`] = newFig
    figures[`${label} autosave renderer copy: old / new`] = { value: Math.round(oldFig.value / Math.max(newFig.value, 0.001)), unit: '×' }
    // Main: the full atomic write against a journal append (compaction every 200 records is a full write).
    const dir = await mkdtemp(join(tmpdir(), 'sdte-bench-autosave-'))
    try {
      const store = createDraftStore({ dir, now: Date.now })
      const fullWrite: number[] = []
      const append: number[] = []
      let { revision } = await store.save(model.taskId, 'h', model, {})
      for (let i = 0; i < edits.length; i++) {
        const prev = i === 0 ? model : edits[i - 1]!
        let t = performance.now()
        revision = (await store.patch(model.taskId, 'h', revision, diffModel(prev, edits[i]!))).revision
        append.push(performance.now() - t)
        if (i < 5) {
          t = performance.now()
          await createDraftStore({ dir: join(dir, 'full'), now: Date.now }).save(model.taskId, 'h', edits[i], {})
          fullWrite.push(performance.now() - t)
        }
      }
      figures[`${label} autosave in main: old (atomic full draft)`] = summarise(fullWrite, 1)
      figures[`${label} autosave in main: new (journal record, fsynced)`] = summarise(append, 2)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
  return figures
}

import { formatInfo, writeFormat, type ExportFormat, type WriteOptions } from '../../../shared/subtitles'
import type { TranscriptModel } from '../../../shared/transcript'
import { buildChangeSet, changeSetToCsv, changeSetToJson, type ChangeSetOptions } from '../../../shared/review/change-set'
import { useSpeakerSyncStore, type SyncPhase } from '../stores/speaker-sync-store'
import { useReviewStatusStore } from '../stores/review-status-store'
import { sdte } from './bridge'
import { formatLabel, safeFileName, toBase64 } from './export-files'
import { errorLine } from './error-messages'
import { t } from '../i18n'

/*
 * Finishing a review in one step: every format chosen in the Finish settings written into the
 * chosen folder, the change set beside them (JSON and CSV), and, for a platform task while
 * signed in, the speakers sent and the task marked reviewed — through the same stores the
 * Send speakers dialog and Mark as reviewed use. A failed step never stops the others; each
 * says what happened and what to retry.
 */

/** One step of finishing and how it went. */
export interface FinishStep {
  readonly id: string
  readonly label: string
  readonly status: 'done' | 'failed' | 'skipped'
  readonly detail: string
}

/** What finishing needs. */
export interface FinishRequest {
  readonly model: TranscriptModel
  readonly formats: readonly ExportFormat[]
  readonly options: WriteOptions
  readonly baseName: string
  readonly changeSet: ChangeSetOptions
  /** The platform task to send speakers to and mark; null for a file, the sample, or signed out. */
  readonly platform: { readonly taskId: number; readonly workspaceId: number | null } | null
  /** Run only these steps (a retry of the failed ones); all when absent. */
  readonly only?: ReadonlySet<string>
}

async function saveFile(name: string, content: string | Uint8Array): Promise<FinishStep['status'] | { failed: string }> {
  const result = await sdte().invoke['finish:saveFile']({ name, content: typeof content === 'string' ? content : { base64: toBase64(content) } })
  return result.ok ? 'done' : { failed: errorLine(result.error) }
}

async function fileStep(id: string, label: string, name: string, make: () => Promise<string | Uint8Array> | string): Promise<FinishStep> {
  let content: string | Uint8Array
  try {
    content = await make()
  } catch (error) {
    return { id, label, status: 'failed', detail: (error as Error).message }
  }
  const saved = await saveFile(name, content)
  return saved === 'done' ? { id, label, status: 'done', detail: t('finishSteps.saved', { name }) } : { id, label, status: 'failed', detail: t('finishSteps.retryStep', { reason: typeof saved === 'object' ? saved.failed : '' }) }
}

async function speakersStep(taskId: number, workspaceId: number | null, model: TranscriptModel): Promise<FinishStep> {
  const label = t('finishSteps.sendSpeakers')
  const sync = useSpeakerSyncStore()
  await sync.plan(taskId, workspaceId, model)
  if (sync.phase === 'error' || !sync.reply) return { id: 'speakers', label, status: 'failed', detail: t('finishSteps.retryOrPlan', { reason: sync.error ? errorLine(sync.error) : t('finishSteps.notCompared') }) }
  const changes = sync.reply.plan.changes.length
  if (changes === 0) return { id: 'speakers', label, status: 'done', detail: t('finishSteps.alreadyThere') }
  await sync.apply()
  // Read again after the await: the store moved on (the narrowing above no longer holds).
  const after = sync.phase as SyncPhase
  if (after === 'error') return { id: 'speakers', label, status: 'failed', detail: t('finishSteps.retryOrSend', { reason: sync.error ? errorLine(sync.error) : t('finishSteps.notSent') }) }
  if (sync.canRetry) return { id: 'speakers', label, status: 'failed', detail: t('finishSteps.someNotSent') }
  return { id: 'speakers', label, status: 'done', detail: t('finishSteps.changesSent', { n: changes }, changes) }
}

async function markStep(taskId: number): Promise<FinishStep> {
  const review = useReviewStatusStore()
  await review.load()
  const ok = await review.mark(taskId)
  const mark = review.marks[taskId]
  if (ok && mark?.state === 'done') return { id: 'mark', label: t('finishSteps.markReviewed'), status: 'done', detail: t('finishSteps.marked', { value: mark.value }) }
  return { id: 'mark', label: t('finishSteps.markReviewed'), status: 'failed', detail: t('finishSteps.retryStep', { reason: mark?.state === 'failed' ? errorLine(mark.error) : t('finishSteps.notMarked') }) }
}

/** Runs the finish steps in order; each step's outcome, none stopping the others. */
export async function finishReview(request: FinishRequest, onStep: (step: FinishStep) => void = () => undefined): Promise<FinishStep[]> {
  const steps: FinishStep[] = []
  const wanted = (id: string) => !request.only || request.only.has(id)
  const push = (step: FinishStep) => {
    steps.push(step)
    onStep(step)
  }
  const base = safeFileName(request.baseName)
  for (const format of request.formats) {
    const id = `export:${format}`
    if (wanted(id)) push(await fileStep(id, formatLabel(format), `${base}.${formatInfo[format].extension}`, async () => (await writeFormat(format, request.model, request.options)).content))
  }
  if (wanted('change-set')) {
    // Both files or a failure: the JSON and the CSV tell the same story.
    const set = buildChangeSet(request.model, request.changeSet)
    const json = await fileStep('change-set', t('finishSteps.changeSet'), `${base}.change-set.json`, () => changeSetToJson(set))
    const csv = json.status === 'done' ? await fileStep('change-set', t('finishSteps.changeSet'), `${base}.change-set.csv`, () => changeSetToCsv(set)) : json
    push(csv.status === 'done' ? { ...csv, detail: t('finishSteps.savedBoth', { json: `${base}.change-set.json`, csv: `${base}.change-set.csv` }) } : csv)
  }
  if (request.platform) {
    const { taskId, workspaceId } = request.platform
    if (wanted('speakers')) push(await speakersStep(taskId, workspaceId, request.model))
    if (wanted('mark')) push(await markStep(taskId))
  } else if (!request.only) {
    push({ id: 'platform', label: 'SmartDocumentor', status: 'skipped', detail: t('finishSteps.notPlatform') })
  }
  return steps
}

/** Saves the change set through the system save dialog (the app's "Save change set…"); the path, null when cancelled. */
export async function saveChangeSetAs(model: TranscriptModel, format: 'json' | 'csv', options: ChangeSetOptions, baseName: string): Promise<{ path: string } | null> {
  const set = buildChangeSet(model, options)
  const result = await sdte().invoke['files:save']({
    suggestedName: `${safeFileName(baseName)}.change-set.${format}`,
    content: format === 'json' ? changeSetToJson(set) : changeSetToCsv(set),
    filter: format === 'json' ? { name: t('finishSteps.filterJson'), extensions: ['json'] } : { name: t('finishSteps.filterCsv'), extensions: ['csv'] }
  })
  if (!result.ok) throw new Error(errorLine(result.error))
  return result.value
}

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FakeTask } from './seeds'
import { answerExportFault, sendExportBody, type FakeSwitches } from './faults'
import { empty, unauthorised } from './http-replies'

/*
 * The fake's two export endpoints (smartdocumentor-api.md §9): the served tasks, each body
 * serialised once so every fetch of a task sends identical bytes, and the GET that answers them
 * through the fault switches.
 */

const exportRoute = /^\/api\/v1\.0\/external\/sdtask\/getexportdata(\/transcript)?(?:\/([^/]*))?\/?$/i

/** What the export routes need from the server. */
export interface ExportContext {
  readonly switches: FakeSwitches
  /** Runs first on every export request, whatever its method (counting, latency). */
  beforeAnswer(kind: FakeTask['kind']): Promise<void>
  authorised(req: IncomingMessage): boolean
  /** A signed URL for a media file, or null when it is not registered. */
  signedUrl(mediaFile: string): string | null
}

/** The served tasks and their exact bodies. */
export interface ExportStore {
  readonly tasks: Map<string, FakeTask>
  /** Adds or replaces a task (and serialises its body). */
  put(task: FakeTask): void
  /** Serialises again the tasks whose recording is `mediaFile` (it was just registered). */
  resign(mediaFile: string): void
  /** The exact body sent for a task, or undefined. */
  bodyOf(kind: FakeTask['kind'], taskId: number): string | undefined
  /** True when `path` is an export route (and it was answered). */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>
}

/** An export store; bodies are serialised only once `start()` knows the base URL. */
export function createExportStore(ctx: ExportContext): ExportStore & { start(): void } {
  const tasks = new Map<string, FakeTask>()
  const bodies = new Map<string, string>()
  let started = false
  const key = (kind: FakeTask['kind'], taskId: number) => `${kind}:${taskId}`
  const serialise = (task: FakeTask) => {
    const url = task.mediaFile ? ctx.signedUrl(task.mediaFile) : null
    bodies.set(key(task.kind, task.taskId), JSON.stringify(url ? { ...task.body, originalFileUrl: url } : task.body))
  }

  async function answer(req: IncomingMessage, res: ServerResponse, url: URL, kind: FakeTask['kind'], pathId: string | undefined): Promise<void> {
    if (req.method !== 'GET') return empty(res, 405)
    if (!ctx.authorised(req)) return unauthorised(res)
    if (answerExportFault(ctx.switches, res)) return
    // Query names are case-insensitive (docs/api.md#the-two-export-endpoints).
    const query = new Map<string, string>()
    for (const [k, v] of url.searchParams) query.set(k.toLowerCase(), v)
    const idText = pathId && pathId !== '' ? pathId : query.get('taskid')
    const externalId = query.get('externalid') || undefined
    const taskId = idText !== undefined && /^\d+$/.test(idText) ? Number(idText) : undefined
    if (idText !== undefined && taskId === undefined) return empty(res, 400)
    if ((taskId === undefined || taskId === 0) && externalId === undefined) return empty(res, 400)
    const found = [...tasks.values()].find(
      (t) => t.kind === kind && (taskId === undefined || taskId === 0 || t.taskId === taskId) && (externalId === undefined || t.externalId === externalId)
    )
    if (!found) return empty(res, 404)
    sendExportBody(ctx.switches, res, bodies.get(key(found.kind, found.taskId)) as string)
  }

  return {
    tasks,
    put: (task) => {
      tasks.set(key(task.kind, task.taskId), task)
      if (started) serialise(task)
    },
    resign: (mediaFile) => {
      for (const task of tasks.values()) if (task.mediaFile === mediaFile) serialise(task)
    },
    bodyOf: (kind, taskId) => bodies.get(key(kind, taskId)),
    start: () => {
      started = true
      for (const task of tasks.values()) serialise(task)
    },
    async handle(req, res, url) {
      const match = exportRoute.exec(url.pathname)
      if (!match) return false
      const kind = match[1] ? 'transcript' : 'document'
      await ctx.beforeAnswer(kind)
      await answer(req, res, url, kind, match[2])
      return true
    }
  }
}

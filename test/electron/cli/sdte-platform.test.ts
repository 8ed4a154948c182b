import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createFakeApi, type FakeApi } from '../../fake-api/server'
import { documentTask, sampleTranscriptTask, seedIds, type FakeTask } from '../../fake-api/seeds'
import { normaliseTranscript, updateSpeaker, addSpeaker } from '../../../shared/transcript'
import type { TranscriptExport } from '../../../shared/api/transcript-export'
import { spawnSdte, type SdteRun } from './spawn-sdte'

/*
 * The platform commands end to end: `node bin/sdte.js` spawned against the fake API, whose
 * state (speakers, review status, every write) the test reads afterwards.
 */

const secret = 'platform-cli-secret'
let fake: FakeApi
let dir: string

function task(taskId: number, workspaceId: number, name: string): FakeTask {
  const base = sampleTranscriptTask()
  return { ...base, taskId, externalId: `P-${taskId}`, mediaFile: undefined, body: { ...base.body, taskId, workspaceId, displayName: name } }
}

beforeAll(async () => {
  fake = await createFakeApi({ clientId: 'cli', clientSecret: secret, tasks: [sampleTranscriptTask(), documentTask()], readOnlyClient: { clientId: 'viewer', clientSecret: 'viewer-secret' } })
  for (let i = 0; i < 4; i++) fake.addTask(task(5000 + i, 7, `Hearing part ${i + 1}`))
  dir = await mkdtemp(join(tmpdir(), 'sdte-platform-'))
})
afterAll(async () => {
  await fake.close()
  await rm(dir, { recursive: true, force: true })
})
afterEach(() => {
  fake.reset()
  fake.platform.requests.length = 0
  fake.platform.speakerFaults.length = 0
})

function sdte(args: string[], env: Record<string, string> = {}): Promise<SdteRun> {
  return spawnSdte(args, { cwd: dir, env: { HOME: dir, SDTE_BASE_URL: fake.baseUrl, SDTE_CLIENT_ID: 'cli', SDTE_CLIENT_SECRET: secret, SDTE_LOG_DIR: join(dir, 'logs'), ...env } })
}

/** A draft file as the app saves it, with the speakers edited. */
async function draftFile(taskId: number, name: string): Promise<string> {
  const exp = { ...(sampleTranscriptTask().body as unknown as TranscriptExport), taskId }
  let model = normaliseTranscript(exp)
  model = updateSpeaker(model, model.speakers[0].id, { name: 'Host', suffix: 'MP' })
  model = addSpeaker(model, { name: 'Caller' })
  model = addSpeaker(model, { name: 'Another caller' })
  const path = join(dir, name)
  await writeFile(path, JSON.stringify({ version: 1, taskId, exportHash: 'x', savedAt: 1, document: model }))
  return path
}

describe('sdte list', () => {
  it('prints a table for people and JSON lines with --json, with filters and paging', async () => {
    const table = await sdte(['list', '--workspace', '7', '--external-status', 'never', '--page-size', '2'])
    expect([table.code, table.stderr]).toEqual([0, ''])
    const lines = table.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^TASK\s+NO\.\s+EXTERNAL ID\s+STATUS/)
    expect(lines).toHaveLength(4)
    expect(lines[1]).toContain('ToReview')
    expect(lines.at(-1)).toBe('page 1, 5 in all; next: --page 2')
    const json = await sdte(['list', '--workspace', '7', '--workspace', '9', '--all', '--json'])
    expect(json.code).toBe(0)
    const items = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as { taskId: number; status: { text: string } })
    expect(items.map((i) => i.taskId).sort()).toEqual([1001, 2001, 5000, 5001, 5002, 5003])
    expect(fake.platform.requests.at(-1)!.query).toContain('workspaceId=7&workspaceId=9')
    const bad = await sdte(['list', '--from', 'yesterday'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^sdte: --from must be a date/)
  })

  it('says which tasks are transcripts and which documents, from their workspace; an undecidable one stays visible as unknown', async () => {
    fake.workspaces.push({ workspaceId: 12, tenantId: 3, workspaceName: 'Mystery', workspaceDescription: null, isDefault: false, taskType: 77, workspaceType: 1, templateType: 77 })
    const moved = fake.platform.tasks.get(5003)!
    moved.workspaceId = 12
    try {
      const json = await sdte(['list', '--all', '--json'])
      expect([json.code, json.stderr]).toEqual([0, ''])
      const kinds = Object.fromEntries(json.stdout.trim().split('\n').map((l) => JSON.parse(l) as { taskId: number; kind: string; kindReason: string }).map((i) => [i.taskId, [i.kind, i.kindReason]]))
      expect(kinds[1001]).toEqual(['transcript', 'workspace template “Transcripts”'])
      expect(kinds[2001]).toEqual(['document', 'workspace template “Invoices”'])
      expect(kinds[5003]).toEqual(['unknown', 'workspace 12: no template name, task type 77, template type 77'])
      const table = await sdte(['list', '--all'])
      const lines = table.stdout.trim().split('\n')
      expect(lines[0]).toMatch(/\sKIND\s+NAME$/)
      expect(lines.find((l) => l.startsWith('2001 '))).toMatch(/\sdocument\s+/)
      expect(lines.find((l) => l.startsWith('5003 '))).toMatch(/\sunknown\s+Hearing part 4$/)
    } finally {
      moved.workspaceId = 7
      fake.workspaces.pop()
    }
  })
})

describe('sdte export --list-filter', () => {
  it('exports every task the query lists through the batch export, with one token', async () => {
    fake.platform.tasks.get(5001)!.externalIntegrationStatus = 'reviewed'
    const out = join(dir, 'listed')
    const run = await sdte(['export', '--list-filter', 'workspace=7&external-status=never', '--format', 'srt', '--out-dir', out, '--concurrency', '2'])
    expect([run.code, run.stderr]).toEqual([0, ''])
    expect((await readdir(out)).sort()).toEqual(['1001.srt', '5000.srt', '5002.srt', '5003.srt'])
    expect(await readFile(join(out, '5000.srt'), 'utf8')).toContain('Good morning')
    expect(fake.counters.tokenRequests).toBe(1)
    const usage = await sdte(['export', '--list-filter', 'colour=red', '--format', 'srt', '--out-dir', out])
    expect([usage.code, usage.stderr]).toEqual([2, 'sdte: --list-filter: unknown filter "colour"; use workspace, status, integration-status, external-status, from, to, sort\n'])
  })

  it('leaves out tasks of the other kind, says so, and exports them with --kind document', async () => {
    const out = join(dir, 'mixed')
    const docId = documentTask().taskId
    const transcripts = await sdte(['export', '--list-filter', '', '--format', 'srt', '--out-dir', out])
    expect(transcripts.code).toBe(0)
    expect(transcripts.stderr).toBe(`sdte: skipped 1 document task (${docId}); export it with --kind document\n`)
    const written = (await readdir(out)).sort()
    expect(written).not.toContain(`${docId}.srt`)
    expect(written).toEqual(expect.arrayContaining(['1001.srt', '5000.srt', '5003.srt']))
    const documents = await sdte(['export', '--list-filter', '', '--kind', 'document', '--format', 'json', '--out-dir', join(dir, 'docs')])
    expect(documents.code).toBe(0)
    expect(documents.stderr).toMatch(/^sdte: skipped 5 transcript tasks \(.*\); export them with --kind transcript\n$/)
    expect(await readdir(join(dir, 'docs'))).toEqual([`${docId}.json`])
    const none = await sdte(['export', '--list-filter', 'workspace=7', '--kind', 'document', '--format', 'json', '--out-dir', join(dir, 'none')])
    expect([none.code, none.stderr.split('\n').at(-2)]).toEqual([0, 'sdte: no listed task is a document task; nothing exported'])
  })

  it('is documented in sdte --help', async () => {
    const help = await sdte(['--help'])
    expect(help.stdout).toContain('sdte export --list-filter "<query>"')
    expect(help.stdout).toContain('sdte speakers push --task <id>')
  })
})

describe('sdte speakers and sdte mark', () => {
  it('push --dry-run prints the plan and sends nothing', async () => {
    const draft = await draftFile(5000, 'dry.draft.json')
    const run = await sdte(['speakers', 'push', '--task', '5000', '--input', draft, '--dry-run'])
    expect([run.code, run.stderr]).toEqual([0, ''])
    expect(run.stdout).toContain('3 changes to send to task 5000 (workspace 7)')
    expect(run.stdout).toMatch(/add "Caller"/)
    expect(run.stdout).toMatch(/rename "Interviewer" to "Host MP" \(name, suffix;/)
    expect(run.stdout).toContain('dry run: nothing sent')
    expect(fake.platform.writes()).toEqual([])
  })

  it('push with a halfway failure: exact report, exit 5, each write seen once; a second push converges', async () => {
    const draft = await draftFile(5002, 'half.draft.json')
    fake.platform.speakerFaults.push('ok', 'reset-after-apply')
    const first = await sdte(['speakers', 'push', '--task', '5002', '--input', draft])
    expect(first.code).toBe(5)
    expect(first.stdout).toContain('1 of 3 speaker changes are on the server')
    expect(first.stdout).toMatch(/^done\s+add "Caller"/m)
    expect(first.stdout).toMatch(/^unknown\s+add "Another caller"/m)
    expect(first.stdout).toMatch(/^not-attempted\s+rename "Interviewer"/m)
    expect(first.stderr).toMatch(/^sdte: unknown outcome: add "Another caller" .*may or may not have been applied/)
    expect(fake.platform.writes().map((w) => w.method)).toEqual(['POST', 'POST'])
    fake.platform.requests.length = 0
    const second = await sdte(['speakers', 'push', '--task', '5002', '--input', draft])
    expect([second.code, second.stderr]).toEqual([0, ''])
    // A fresh plan: only the rename is left (both adds are on the server now).
    expect(second.stdout).toContain('1 of 1 speaker changes are on the server')
    expect(second.stdout).toMatch(/^done\s+rename "Interviewer" to "Host MP"/m)
    expect(fake.platform.writes().map((w) => w.method)).toEqual(['PUT'])
    const pull = await sdte(['speakers', 'pull', '--task', '5002', '--json'])
    expect(pull.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { name: string; suffix: string }).name)).toEqual(['Host', 'Guest', 'Caller', 'Another caller'])
  })

  it('403 on a write is its own message and exit 3', async () => {
    const draft = await draftFile(5003, 'ro.draft.json')
    const run = await sdte(['speakers', 'push', '--task', '5003', '--input', draft], { SDTE_CLIENT_ID: 'viewer', SDTE_CLIENT_SECRET: 'viewer-secret' })
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('This account may not change speakers in workspace 7 (HTTP 403)')
    const mark = await sdte(['mark', '--task', '5003'], { SDTE_CLIENT_ID: 'viewer', SDTE_CLIENT_SECRET: 'viewer-secret' })
    expect(mark.code).toBe(3)
  })

  it('mark sets the review status, by id (default) or external id (given value)', async () => {
    const a = await sdte(['mark', '--task', '1001'])
    expect([a.code, a.stdout, a.stderr]).toEqual([0, 'task with id 1001 marked "reviewed"\n', ''])
    expect(fake.platform.tasks.get(1001)!.externalIntegrationStatus).toBe('reviewed')
    const b = await sdte(['mark', '--external-id', seedIds.document.externalId, '--status', 'sent-to-cms'])
    expect(b.code).toBe(0)
    expect(fake.platform.tasks.get(seedIds.document.taskId)!.externalIntegrationStatus).toBe('sent-to-cms')
    const c = await sdte(['mark', '--task', '424242'])
    expect(c.code).toBe(4)
    const d = await sdte(['mark', '--task', '1001', '--status', 'x'.repeat(33)])
    expect([d.code, d.stderr]).toEqual([2, 'sdte: --status must be 1 to 32 characters\n'])
  })
})

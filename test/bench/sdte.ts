import { spawn } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createFakeApi } from '../fake-api/server'
import { realTranscriptTasks } from '../fake-api/seeds'

/*
 * `sdte export --tasks` for 20 transcript tasks (the real samples, 2-hour one included, cycled
 * with new ids) against the fake API: wall time and the CLI process's peak RSS, read through a
 * tiny --import hook that writes `process.resourceUsage().maxRSS` on exit.
 */

const repo = resolve(fileURLToPath(import.meta.url), '../../..')
const runs = 3

type Figures = Record<string, { value: number; unit: string; median?: number; p95?: number; runs?: number }>

/** Runs the benchmark and returns its figures. */
export async function run(): Promise<Figures> {
  const real = realTranscriptTasks()
  const tasks = Array.from({ length: 20 }, (_, i) => {
    const base = real[i % real.length]
    const taskId = 60001 + i
    return { ...base, taskId, externalId: `bench-${i}`, body: { ...base.body, taskId } }
  })
  const fake = await createFakeApi({ clientId: 'bench', clientSecret: 'bench-secret', tasks })
  const dir = await mkdtemp(join(tmpdir(), 'sdte-bench-'))
  const hook = join(dir, 'rss-hook.mjs')
  await writeFile(hook, "import { writeFileSync } from 'node:fs'\nprocess.on('exit', () => writeFileSync(process.env.SDTE_BENCH_RSS, String(process.resourceUsage().maxRSS)))\n")
  const ids = tasks.map((t) => t.taskId).join(',')
  const totalBytes = tasks.reduce((sum, t) => sum + Buffer.byteLength(fake.bodyOf('transcript', t.taskId)), 0)
  const walls: number[] = []
  const rss: number[] = []
  try {
    for (let i = 0; i < runs; i++) {
      const outDir = join(dir, `out-${i}`)
      const rssFile = join(dir, `rss-${i}`)
      fake.reset()
      const started = performance.now()
      const code = await spawnCli(['--import', hook, join(repo, 'bin', 'sdte.js'), 'export', '--tasks', ids, '--format', 'json', '--out-dir', outDir], {
        SDTE_BASE_URL: fake.baseUrl,
        SDTE_CLIENT_ID: 'bench',
        SDTE_CLIENT_SECRET: 'bench-secret',
        SDTE_LOG_DIR: join(dir, 'logs'),
        SDTE_BENCH_RSS: rssFile
      })
      walls.push(performance.now() - started)
      if (code !== 0) throw new Error(`sdte exited ${code}`)
      if ((await readdir(outDir)).length !== 20) throw new Error('missing output files')
      if (fake.counters.tokenRequests !== 1) throw new Error(`expected one token request, saw ${fake.counters.tokenRequests}`)
      rss.push(Number(await readFile(rssFile, 'utf8')) / 1024)
    }
  } finally {
    await fake.close()
    await rm(dir, { recursive: true, force: true })
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  return {
    'sdte export --tasks (20 tasks) wall time': { value: Math.round(median(walls)), unit: 'ms', median: Math.round(median(walls)), runs },
    'sdte export --tasks (20 tasks) peak RSS': { value: Math.round(Math.max(...rss)), unit: 'MiB', median: Math.round(median(rss)), runs },
    'sdte export --tasks (20 tasks) bytes written': { value: totalBytes, unit: 'bytes' }
  }
}

function spawnCli(args: string[], env: Record<string, string>): Promise<number | null> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: repo, env: { PATH: process.env.PATH, HOME: tmpdir(), ...env }, stdio: ['ignore', 'ignore', 'inherit'] })
    child.on('error', fail)
    child.on('close', done)
  })
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await run()
  for (const [name, f] of Object.entries(figures)) console.log(`${name}: ${f.value} ${f.unit}${f.runs ? ` (median of ${f.runs})` : ''}`)
}

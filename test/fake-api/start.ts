import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFakeApi } from './server'
import { makeToneWav } from './seeds'

/*
 * `npm run fake-api`: the fake SmartDocumentor on a fixed port (env PORT, default 4010) with
 * fixed demo credentials, printing how to sign in to it and which tasks it serves.
 */

const port = Number(process.env.PORT ?? 4010)
const mediaDir = mkdtempSync(join(tmpdir(), 'sdte-fake-media-'))
const samplePath = join(mediaDir, 'sample.wav')
writeFileSync(samplePath, makeToneWav(10))

const fake = await createFakeApi({
  port,
  clientId: process.env.FAKE_CLIENT_ID ?? 'sdte-demo',
  clientSecret: process.env.FAKE_CLIENT_SECRET ?? 'sdte-demo-secret',
  media: { 'sample.wav': samplePath },
  mediaTtlMs: 24 * 3_600_000,
  readOnlyClient: { clientId: 'sdte-viewer', clientSecret: 'sdte-viewer-secret' }
})
const token = fake.issueToken(24 * 3600)

const lines = [
  `Fake SmartDocumentor API on ${fake.baseUrl}`,
  '',
  'Sign in with:',
  `  base URL       ${fake.baseUrl}`,
  `  Client ID      ${fake.clientId}`,
  `  Client Secret  ${fake.clientSecret}`,
  `  or a token     ${token}   (valid 24 h)`,
  '',
  'CLI:',
  `  SDTE_BASE_URL=${fake.baseUrl} SDTE_CLIENT_ID=${fake.clientId} SDTE_CLIENT_SECRET=${fake.clientSecret} npx sdte export --task 1001 --format json --out -`,
  '',
  `  sdte list --external-status never      (also: sdte speakers pull --task 1001, sdte mark --task 1001)`,
  '  read-only client (403 on every change): sdte-viewer / sdte-viewer-secret',
  '',
  'Tasks (kind  taskId  externalId  name):',
  ...fake.tasks.map((t) => `  ${t.kind.padEnd(10)} ${String(t.taskId).padEnd(6)} ${(t.externalId ?? '-').padEnd(40)} ${String(t.body.displayName ?? '')}`),
  '',
  `Switches: POST ${fake.baseUrl}/__fake/switches with JSON, e.g. {"burst5xx":2} {"persistent500":true} {"latencyMs":2000} {"rateLimit":1,"retryAfter":"3"} {"malformed":1}`,
  'Ctrl+C to stop.'
]
process.stdout.write(lines.join('\n') + '\n')

const stop = () => {
  void fake.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

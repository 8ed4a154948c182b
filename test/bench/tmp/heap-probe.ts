import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startApp, writeTwoHourExport } from '../editor'
const dir = process.argv[2]
const work = await mkdtemp(join(tmpdir(), 'hp-'))
const app = await startApp(join(work, 'data'), dir)
const { page } = app
app.state.nextExportFile = await writeTwoHourExport(work)
const cdp = await page.context().newCDPSession(page)
await cdp.send('Performance.enable')
const heap = async (label: string) => { await cdp.send('HeapProfiler.collectGarbage'); const v = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')!.value; console.log(label, (v / 1048576).toFixed(2)) }
await page.getByTestId('start-open-file').waitFor()
await heap('before')
for (let i = 0; i < 6; i++) {
  await page.getByTestId('start-open-file').click()
  await page.locator('article.segment').first().waitFor()
  await page.waitForTimeout(300)
  await heap(`open ${i}`)
  await page.getByRole('button', { name: 'Close', exact: true }).click()
  await page.getByTestId('start-open-file').waitFor()
  await page.waitForTimeout(300)
  await heap(`closed ${i}`)
}
for (let i = 0; i < 3; i++) await page.evaluate(async () => { await window.sdte.invoke['files:openExport']() })
await heap('after 3 openExport')
if (process.argv[3] === 'snap') {
  await page.getByTestId('start-open-file').click(); await page.locator('article.segment').first().waitFor(); await page.waitForTimeout(300)
  const chunks: string[] = []
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk))
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  const { writeFile } = await import('node:fs/promises')
  await writeFile(process.argv[4], chunks.join(''))
}
await app.close()

import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, type AppHarness } from './harness'
import { convertRealFixture } from '../../fixtures/real-to-export'

/** Opens a real transcript (test/fixtures/real, converted to an export) as a file, and waits for the editor. */
export async function openRealFixture(app: AppHarness, name: string): Promise<void> {
  const file = join(app.dataDir, 'task.json')
  await writeFile(file, JSON.stringify(convertRealFixture(name)))
  app.nextExportFile = file
  await app.page.getByTestId('start-open-file').click()
  await expect(app.page.getByTestId('reviewed-progress')).toBeVisible()
}

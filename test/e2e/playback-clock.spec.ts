import { test, expect } from './support/harness'

/*
 * The playback clock in Chromium while really playing (issue 21): every write of its text
 * repaints its box, so over playing seconds the DOM text changes only when the shown text
 * changes — once per whole second — never a rewrite of the same text at frame or tenth rate.
 * A MutationObserver counts every text mutation in the clock while the sample plays.
 */

test.describe('the playback clock while playing', () => {
  test('its text changes only when the shown second changes', async ({ app }) => {
    const { page } = app
    await page.getByTestId('start-open-sample').click()
    await expect(page.getByTestId('segment-count')).toHaveText('4 segments')
    const clock = page.getByTestId('playback-time')
    await expect(clock).toBeVisible()
    await page.evaluate(() => {
      const el = document.querySelector('[data-testid="playback-time"]')!
      const seen: Array<{ text: string; time: number }> = []
      const w = window as unknown as { clockMutations: number; clockTexts: typeof seen; clockObserver: MutationObserver }
      w.clockMutations = 0
      w.clockTexts = seen
      w.clockObserver = new MutationObserver((records) => {
        w.clockMutations += records.length
        seen.push({ text: el.textContent ?? '', time: (document.querySelector('[data-testid="media"]') as HTMLMediaElement).currentTime })
      })
      w.clockObserver.observe(el, { characterData: true, childList: true, subtree: true })
    })
    await page.getByTestId('play-toggle').click()
    // At least two whole playing seconds (polled on the media element, not timed).
    await expect.poll(() => page.getByTestId('media').evaluate((el) => (el as HTMLMediaElement).currentTime), { timeout: 15_000 }).toBeGreaterThan(2.6)
    const result = await page.evaluate(() => {
      const w = window as unknown as { clockMutations: number; clockTexts: Array<{ text: string; time: number }>; clockObserver: MutationObserver }
      w.clockMutations += w.clockObserver.takeRecords().length
      w.clockObserver.disconnect()
      return { mutations: w.clockMutations, texts: w.clockTexts.map((t) => t.text), played: (document.querySelector('[data-testid="media"]') as HTMLMediaElement).currentTime }
    })
    await page.getByTestId('play-toggle').click()
    // While playing the clock shows whole seconds ("0:02 / 0:30.0"): no tenths.
    const playingTexts = result.texts.filter((t) => !/^\d+:\d\d\.\d /.test(t))
    expect(playingTexts.length).toBeGreaterThan(0)
    // Each mutation batch showed a new text (no rewrite of the same text)...
    for (let k = 1; k < result.texts.length; k++) expect(result.texts[k]).not.toBe(result.texts[k - 1])
    // ...and there are about as many as whole seconds played: the pause text, one per second
    // crossed, one spare for the second being entered as the observer stopped.
    expect(result.mutations).toBeLessThanOrEqual(Math.ceil(result.played) + 2)
  })
})

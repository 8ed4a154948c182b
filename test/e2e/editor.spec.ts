import { test, expect } from './support/harness'
import type { AppHarness } from './support/harness'
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { readdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { convertRealFixture } from '../fixtures/real-to-export'
import { overlappingUnsorted } from '../fixtures/edge-cases'
import { ensureFormat, ensureLongRecording } from '../fixtures/audio/generate'

/*
 * The editor end to end in Chromium: the built renderer, the real main-process services, the
 * bundled sample task (30 s of real espeak speech generated word by word, so every word's
 * timing is exact) and real wavesurfer on a real <audio> element.
 */

const repoRoot = resolve(import.meta.dirname, '../..')
interface SampleWord {
  text: string
  offsetInSeconds: number
}
const sample = JSON.parse(readFileSync(join(repoRoot, 'resources/sample/sample-task.json'), 'utf8')) as {
  transcript: { transcripts: Array<{ start: number; end: number; displayWords: SampleWord[] }> }
}
/** Every sample word with its segment and index, in time order. */
const sampleWords = sample.transcript.transcripts.flatMap((s, si) => s.displayWords.map((w, wi) => ({ si, wi, text: w.text, start: w.offsetInSeconds, segEnd: s.end })))

async function openSample(page: Page): Promise<void> {
  await page.getByTestId('start-open-sample').click()
  await waitForEditor(page, 4)
}

async function waitForEditor(page: Page, segments: number): Promise<void> {
  await expect(page.getByTestId('segment-count')).toHaveText(`${segments} segments`)
  await expect(page.getByTestId('media')).toBeAttached()
  // Waveform ready: the regions (one per segment) are drawn in wavesurfer's shadow root.
  await expect.poll(() => regionCount(page)).toBe(segments)
}

/** Counts mouse presses from here on (mousePresses reads it), then opens the sample from the start screen with Tab and Enter. */
async function openSampleByKeyboard(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __mouse: number }
    w.__mouse = 0
    for (const type of ['mousedown', 'pointerdown', 'mouseup']) window.addEventListener(type, () => w.__mouse++, true)
  })
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab')
    if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'start-open-sample') break
  }
  await page.keyboard.press('Enter')
  await waitForEditor(page, 4)
}

/** Mouse presses since openSampleByKeyboard: a keyboard-only run has none. */
async function mousePresses(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __mouse: number }).__mouse)
}

async function regionCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-testid="waveform"] > div')?.shadowRoot
    return root ? root.querySelectorAll('[data-segment-id]').length : 0
  })
}

async function mediaTime(page: Page): Promise<number> {
  return page.getByTestId('media').evaluate((el) => (el as HTMLMediaElement).currentTime)
}

async function segmentTexts(page: Page): Promise<string[]> {
  return page.getByTestId('segment-text').allInnerTexts()
}

/**
 * The highlighted word (segment index, word index, text) after the next frame, with the player's
 * time read just before and just after: the mark must be a word under the playhead in that window.
 */
async function playingState(page: Page): Promise<{ t0: number; t1: number; si: number; wi: number; text: string } | null> {
  return page.evaluate(async () => {
    const media = document.querySelector('[data-testid="media"]') as HTMLMediaElement
    const t0 = media.currentTime
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
    const el = document.querySelector('.w.playing')
    const t1 = media.currentTime
    if (!el) return null
    const row = el.closest('[data-index]')
    return { t0, t1, si: Number(row?.getAttribute('data-index')), wi: Number(el.getAttribute('data-i')), text: el.textContent ?? '' }
  })
}

/**
 * The waveform's playhead and view after the next frame, with the player's time read just
 * before and just after: where the playhead is drawn (px in the whole waveform) and the view's
 * scroll offset and width.
 */
async function waveformState(page: Page): Promise<{ t0: number; t1: number; x: number; left: number; width: number }> {
  return page.evaluate(async () => {
    const media = document.querySelector('[data-testid="media"]') as HTMLMediaElement
    const root = document.querySelector('[data-testid="waveform"] > div')!.shadowRoot!
    const t0 = media.currentTime
    await new Promise((r) => requestAnimationFrame(r))
    const t1 = media.currentTime
    const head = root.querySelector('[data-playhead]') as HTMLElement
    const scroll = root.querySelector('.scroll') as HTMLElement
    return { t0, t1, x: new DOMMatrix(getComputedStyle(head).transform).m41, left: scroll.scrollLeft, width: scroll.clientWidth }
  })
}

async function draftFiles(app: AppHarness): Promise<string[]> {
  try {
    return (await readdir(join(app.dataDir, 'drafts'))).filter((f) => !f.startsWith('.') && !f.includes('.tmp') && !f.endsWith('.review.json')) // the draft and its journal, not the review-state sidecar
  } catch {
    return []
  }
}

test.describe('editor', () => {
  test('clicking a word puts the player within 50 ms of its start', async ({ app }) => {
    const { page } = app
    await openSample(page)
    for (const word of ['recogniser', 'space', 'professional']) {
      const expected = sampleWords.find((w) => w.text === word)!.start
      await page.locator('[data-testid="segment-text"] .w', { hasText: word }).click()
      await expect.poll(() => mediaTime(page)).toBeCloseTo(expected, 1)
      expect(Math.abs((await mediaTime(page)) - expected)).toBeLessThan(0.05)
    }
  })

  test('while playing, the highlighted word is the one under the playhead', async ({ app }) => {
    const { page } = app
    await openSample(page)
    await page.locator('[data-testid="segment-text"] .w', { hasText: 'sample' }).click()
    await page.getByTestId('play-toggle').click()
    const checked: string[] = []
    for (const after of [2.7, 4.4, 6.0]) {
      await expect.poll(() => mediaTime(page), { timeout: 10_000 }).toBeGreaterThan(after)
      const state = await playingState(page)
      expect(state).not.toBeNull()
      const { t0, t1, si, wi, text } = state!
      expect(t1 - t0).toBeLessThan(0.5)
      // Every word under the playhead between the two readings (usually one, two at a boundary).
      const under = sampleWords.filter((w, k) => {
        const next = sampleWords[k + 1]
        const end = next && next.si === w.si ? next.start : w.segEnd
        return w.start <= t1 && end > t0
      })
      expect(under.some((w) => w.si === si && w.wi === wi && w.text === text)).toBe(true)
      checked.push(state!.text)
    }
    await page.getByTestId('play-toggle').click()
    // Three moments, three different words.
    expect(new Set(checked).size).toBe(3)
    // Exactly one word is marked.
    expect(await page.locator('.w.playing').count()).toBeLessThanOrEqual(1)
  })

  test('dragging a region edge retimes the segment, and undo restores it', async ({ app }) => {
    const { page } = app
    await openSample(page)
    const times = page.locator('article.segment .time')
    await expect(times.nth(1)).toHaveText('0:09.3')
    // Ben's first segment starts at 9.394 s; the gap before it reaches back to 8.794 s.
    const handle = page.locator('[data-segment-id] [part~="region-handle-left"]').nth(1)
    const box = (await handle.boundingBox())!
    const x = box.x + box.width / 2
    const y = box.y + box.height / 2
    await page.mouse.move(x, y)
    await page.mouse.down()
    for (let i = 1; i <= 10; i++) await page.mouse.move(x - i * 1.5, y)
    await page.mouse.up()
    await expect(times.nth(1)).not.toHaveText('0:09.3')
    const moved = await times.nth(1).innerText()
    expect(['0:08.8', '0:08.9', '0:09.0', '0:09.1', '0:09.2']).toContain(moved)
    await expect(page.getByTestId('save-state')).toHaveText(/Unsaved|Saving|Draft saved/)
    // Undo from the keyboard (focus on the page body, not a text field).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press('Control+z')
    await expect(times.nth(1)).toHaveText('0:09.3')
    await page.keyboard.press('Control+Shift+z')
    await expect(times.nth(1)).toHaveText(moved)
  })

  test('a keyboard-only run: play, next low-confidence word, correct it, split, change speaker, export', async ({ app }) => {
    const { page } = app
    await openSampleByKeyboard(page)

    await page.keyboard.press('Space')
    await expect.poll(() => page.getByTestId('media').evaluate((el) => !(el as HTMLMediaElement).paused)).toBe(true)
    await expect.poll(() => mediaTime(page)).toBeGreaterThan(0.8)
    await page.keyboard.press('Space')
    await expect.poll(() => page.getByTestId('media').evaluate((el) => (el as HTMLMediaElement).paused)).toBe(true)

    await page.keyboard.press('n')
    await expect(page.locator('.w.cur')).toHaveText('recogniser')
    await expect.poll(() => mediaTime(page)).toBeCloseTo(17.418, 1)
    // How unsure the recogniser was, without hovering.
    await expect(page.getByTestId('word-confidence')).toHaveText('“recogniser”: 42% confidence (low)')

    await page.keyboard.press('Enter')
    const field = page.getByTestId('segment-editor')
    await expect(field).toBeFocused()
    await page.keyboard.type('recognizer')
    await page.keyboard.press('Enter')
    await expect(field).toHaveCount(0)
    expect((await segmentTexts(page))[2]).toContain('the recognizer was')

    await page.keyboard.press('Control+Enter')
    await expect(page.getByTestId('segment-count')).toHaveText('5 segments')
    expect((await segmentTexts(page))[2].trim()).toBe('Words the')
    expect((await segmentTexts(page))[3]).toMatch(/^recognizer was/)

    await page.keyboard.press('Control+2')
    await expect(page.getByTestId('speaker-chip').nth(3)).toHaveText('Ben Carter')

    // The shortcut opens the shell's export dialog (the real path: editor → App.vue); Escape closes it.
    await page.keyboard.press('Control+e')
    await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog', { name: 'Export' })).toHaveCount(0)
    expect(await mousePresses(page)).toBe(0)

    // Undo steps back through the edits: speaker, split, the whole typed correction.
    await page.keyboard.press('Control+z')
    await expect(page.getByTestId('speaker-chip').nth(3)).toHaveText('Ana Ribeiro')
    await page.keyboard.press('Control+z')
    await expect(page.getByTestId('segment-count')).toHaveText('4 segments')
    await page.keyboard.press('Control+z')
    expect((await segmentTexts(page))[2]).toContain('the recogniser was')
  })

  test('keyboard only: a new segment at the playhead, typed into; another segment deleted, and undo brings it back', async ({ app }) => {
    const { page } = app
    await openSampleByKeyboard(page)

    // The playhead is at 0:00, before the first word (0.5 s): the new segment fills that gap, open for typing.
    await page.keyboard.press('Control+Shift+Enter')
    await expect(page.getByTestId('segment-count')).toHaveText('5 segments')
    await expect.poll(() => regionCount(page)).toBe(5)
    const field = page.getByTestId('segment-editor')
    await expect(field).toBeFocused()
    await page.keyboard.type('Hello')
    await page.keyboard.press('Enter')
    await expect(field).toHaveCount(0)
    expect((await segmentTexts(page))[0].trim()).toBe('Hello')

    // Down to the sample's first segment, and delete it: the cursor moves to the one after.
    await page.keyboard.press('ArrowDown')
    const current = page.locator('[data-segment-id][aria-current="true"]')
    await expect(current).toHaveAttribute('data-index', '1')
    const deleted = (await segmentTexts(page))[1]
    const next = (await segmentTexts(page))[2]
    await page.keyboard.press('Control+Shift+Backspace')
    await expect(page.getByTestId('segment-count')).toHaveText('4 segments')
    await expect(page.getByTestId('editor-message')).toContainText('Segment deleted — Ctrl+Z to undo')
    expect(await segmentTexts(page)).not.toContain(deleted)
    await expect(current).toHaveAttribute('data-index', '1')
    await expect(current.getByTestId('segment-text')).toHaveText(next)

    await page.keyboard.press('Control+z')
    await expect(page.getByTestId('segment-count')).toHaveText('5 segments')
    await expect(page.getByTestId('editor-message')).toHaveCount(0)
    expect((await segmentTexts(page)).slice(0, 2).map((t) => t.trim())).toEqual(['Hello', deleted.trim()])
    await expect(current).toHaveAttribute('data-index', '1')
    expect(await mousePresses(page)).toBe(0)
  })

  test('edits are saved as a draft, and reopening the task offers it', async ({ app }) => {
    const { page } = app
    await openSample(page)
    expect(await draftFiles(app)).toEqual([])
    await page.locator('[data-testid="segment-text"] .w', { hasText: 'unsure' }).dblclick()
    const field = page.getByTestId('segment-editor')
    await expect(field).toBeFocused()
    await page.keyboard.type('uncertain')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('save-state')).toHaveText(/Draft saved/)
    expect((await draftFiles(app)).length).toBe(1)
    expect(app.unsaved).toBe(false)
    expect(app.calls.some((c) => c.channel === 'app:setUnsaved' && (c.payload as { unsaved: boolean }).unsaved)).toBe(true)

    await page.getByRole('button', { name: 'Close', exact: true }).click()
    await openSample(page)
    await expect(page.getByTestId('draft-prompt')).toContainText('A draft saved at')
    expect((await segmentTexts(page))[2]).toContain('was unsure')
    await page.getByTestId('draft-restore').click()
    await expect(page.getByTestId('draft-prompt')).toHaveCount(0)
    expect((await segmentTexts(page))[2]).toContain('was uncertain')

    // Discarding deletes it.
    await page.getByRole('button', { name: 'Close', exact: true }).click()
    await openSample(page)
    await page.getByTestId('draft-discard').click()
    await expect(page.getByTestId('draft-prompt')).toHaveCount(0)
    await expect.poll(() => draftFiles(app)).toEqual([])
  })

  test('after the first full save, edits go to main as patches on its journal, and reopening restores them all', async ({ app }) => {
    const { page } = app
    await openSample(page)
    const edit = async (word: string, typed: string, saves: number): Promise<void> => {
      await page.locator('[data-testid="segment-text"] .w', { hasText: word }).first().dblclick()
      await expect(page.getByTestId('segment-editor')).toBeFocused()
      await page.keyboard.type(typed)
      await page.keyboard.press('Escape')
      await expect.poll(() => app.calls.filter((c) => c.channel === 'drafts:save' || c.channel === 'drafts:patch').length).toBe(saves)
      await expect(page.getByTestId('save-state')).toHaveText(/Draft saved/)
    }
    await edit('unsure', 'uncertain', 1)
    await edit('Welcome', 'Greetings', 2)
    expect(app.calls.filter((c) => c.channel === 'drafts:save')).toHaveLength(1)
    expect(app.calls.filter((c) => c.channel === 'drafts:patch')).toHaveLength(1)
    expect((await draftFiles(app)).sort()).toEqual(['1.draft.json', '1.draft.json.journal'])
    await page.getByRole('button', { name: 'Close', exact: true }).click()
    await openSample(page)
    await page.getByTestId('draft-restore').click()
    const texts = await segmentTexts(page)
    expect(texts.join(' ')).toContain('was uncertain')
    expect(texts.join(' ')).toContain('Greetings')
  })

  test('with a draft on offer the transcript is read-only: typing changes nothing until the reviewer chooses', async ({ app }) => {
    const { page } = app
    await openSample(page)
    await page.locator('[data-testid="segment-text"] .w', { hasText: 'unsure' }).dblclick()
    await page.keyboard.type('uncertain')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('save-state')).toHaveText(/Draft saved/)
    await page.getByRole('button', { name: 'Close', exact: true }).click()
    await openSample(page)
    await expect(page.getByTestId('draft-prompt')).toContainText('read-only until you choose')
    const before = await segmentTexts(page)
    // Double-click to edit, then type: refused with a note, the prompt stays in view.
    await page.locator('[data-testid="segment-text"] .w', { hasText: 'unsure' }).dblclick()
    await expect(page.getByTestId('segment-editor')).toHaveCount(0)
    await page.keyboard.type('zzz')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('editor-message')).toContainText('read-only until you do')
    expect(await segmentTexts(page)).toEqual(before)
    await expect(page.getByTestId('draft-prompt')).toBeVisible()
    expect(app.calls.filter((c) => c.channel === 'drafts:save')).toHaveLength(1)
    await page.getByTestId('draft-restore').click()
    await expect(page.getByTestId('draft-prompt')).toHaveCount(0)
    expect((await segmentTexts(page))[2]).toContain('was uncertain')
  })

  test('when the export changed since the draft began, the prompt says so and keeps both', async ({ app }) => {
    const { page } = app
    const base = { ...JSON.parse(readFileSync(join(repoRoot, 'resources/sample/sample-task.json'), 'utf8')), taskId: 4545, externalId: 'changing' }
    const first = join(app.dataDir, 'first.json')
    await writeFile(first, JSON.stringify(base))
    app.nextExportFile = first
    await page.getByTestId('start-open-file').click()
    await expect(page.getByTestId('segment-count')).toHaveText('4 segments')
    await page.getByTestId('reviewed-toggle').first().click()
    await expect(page.getByTestId('save-state')).toHaveText(/Draft saved/)
    await page.getByRole('button', { name: 'Close', exact: true }).click()

    // The server's export changed meanwhile (here: its description).
    const second = join(app.dataDir, 'second.json')
    await writeFile(second, JSON.stringify({ ...base, description: 'Re-run of the recogniser' }))
    app.nextExportFile = second
    await page.getByTestId('start-open-file').click()
    await expect(page.getByTestId('draft-prompt')).toContainText('has changed since that draft began')
    await expect(page.getByTestId('reviewed-toggle').first()).toHaveAttribute('aria-pressed', 'false')
    await page.getByTestId('draft-restore').click()
    await expect(page.getByTestId('reviewed-toggle').first()).toHaveAttribute('aria-pressed', 'true')
    // Saving again keeps the draft tied to the export it began from, so the difference stays visible.
    await page.getByTestId('reviewed-toggle').nth(1).click()
    await expect(page.getByTestId('save-state')).toHaveText(/Draft saved/)
    await page.getByRole('button', { name: 'Close', exact: true }).click()
    await page.getByTestId('start-open-file').click()
    await expect(page.getByTestId('draft-prompt')).toContainText('has changed since that draft began')
  })

  test('a task without its recording shows the attach prompt, and attaching plays the file', async ({ app }) => {
    const { page } = app
    const data = { ...JSON.parse(readFileSync(join(repoRoot, 'resources/sample/sample-task.json'), 'utf8')), taskId: 4242, externalId: 'no-media' }
    const file = join(app.dataDir, 'no-media.json')
    await writeFile(file, JSON.stringify(data))
    app.nextExportFile = file
    await page.getByTestId('start-open-file').click()
    await expect(page.getByTestId('attach-prompt')).toContainText('no recording')
    await expect(page.getByTestId('media')).toHaveCount(0)
    app.nextMediaFile = join(repoRoot, 'resources/sample/sample.mp3')
    await page.getByTestId('attach-recording').click()
    await waitForEditor(page, 4)
    await page.getByTestId('play-toggle').click()
    await expect.poll(() => mediaTime(page)).toBeGreaterThan(0.5)
    await page.getByTestId('play-toggle').click()
  })

  test('the 2-hour task: a virtualised list that scrolls and jumps; screenshots light and dark', async ({ app }) => {
    test.setTimeout(90_000)
    const { page } = app
    const data = convertRealFixture('senate-hearing-2h.dpe.json')
    const file = join(app.dataDir, 'senate-2h.json')
    await writeFile(file, JSON.stringify(data))
    app.nextExportFile = file
    await page.getByTestId('start-open-file').click()
    await expect(page.getByTestId('segment-count')).toHaveText('838 segments')
    await expect(page.getByTestId('attach-prompt')).toBeVisible()
    const counts = await page.evaluate(() => ({ words: document.querySelectorAll('.w').length, nodes: document.getElementsByTagName('*').length }))
    expect(counts.words).toBeGreaterThan(20)
    expect(counts.words).toBeLessThan(1500)
    expect(counts.nodes).toBeLessThan(3000)
    // A 2-hour recording (real speech repeated; peaks computed in main, never decoded here).
    app.nextMediaFile = await ensureLongRecording(2, 'wav')
    await page.getByTestId('attach-recording').click()
    await expect.poll(() => regionCount(page), { timeout: 60_000 }).toBeGreaterThan(0)
    // Peaks were computed in main, with progress reported on the way.
    expect(app.progress.some((p) => p.phase === 'peaks' && p.taskId === data.taskId)).toBe(true)
    await page.locator('[data-testid="segment-text"] .w').nth(12).click()
    await app.screenshot('editor-2h-light')
    // Following playback: scrolling away offers "Back to playhead", which brings the playing row back.
    await page.getByTestId('play-toggle').click()
    await expect(page.locator('.w.playing')).toHaveCount(1)
    await page.getByTestId('transcript-scroller').hover()
    await page.mouse.wheel(0, 6000)
    await expect(page.getByTestId('back-to-playhead')).toBeVisible()
    await expect(page.locator('.w.playing')).toHaveCount(0)
    await page.getByTestId('back-to-playhead').click()
    await expect(page.locator('.w.playing')).toBeInViewport()
    await expect(page.getByTestId('back-to-playhead')).toHaveCount(0)
    await page.getByTestId('play-toggle').click()

    // Scroll to the end: the last segment is rendered, the first is not.
    const scroller = page.getByTestId('transcript-scroller')
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight))
    await expect(page.locator('article.segment[data-index="837"]')).toBeVisible()
    await expect(page.locator('article.segment[data-index="0"]')).toHaveCount(0)
    // Jump with the keyboard: find a phrase from the middle and go to it.
    await page.keyboard.press('Control+f')
    const middle = data.transcript.transcripts![419].displayWords!.slice(0, 4).map((w) => w.text).join(' ')
    await page.getByTestId('find-input').fill(middle)
    await page.keyboard.press('Enter')
    await expect(page.locator('article.segment[data-index="419"]')).toBeVisible()
    await expect(page.locator('article.segment[data-index="419"]')).toHaveAttribute('aria-current', 'true')
    await page.keyboard.press('Escape')
    // Next segment moves the cursor and keeps it in view.
    await page.locator('article.segment[data-index="419"]').focus()
    await page.keyboard.press('ArrowDown')
    await expect(page.locator('article.segment[data-index="420"]')).toHaveAttribute('aria-current', 'true')
    expect(await page.evaluate(() => document.querySelectorAll('.w').length)).toBeLessThan(1500)

    await scroller.evaluate((el) => (el.scrollTop = 0))
    await page.locator('article.segment[data-index="0"]').waitFor()
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.getByRole('button', { name: 'Annotations' }).click()
    await app.screenshot('editor-2h-dark')
    await page.emulateMedia({ colorScheme: 'light' })
  })

  test('panels: shortcut help, speaker menu, find and replace, annotations', async ({ app }) => {
    const { page } = app
    await openSample(page)
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    // Every control of the editor has a name a screen reader can say.
    const unnamed = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-editor-keys] button, [data-editor-keys] input, [data-editor-keys] select, [data-editor-keys] textarea'))
        .filter((el) => {
          const label = el.getAttribute('aria-label') ?? el.closest('label')?.textContent ?? (el.tagName === 'BUTTON' ? el.textContent : '')
          return !label || !label.trim()
        })
        .map((el) => el.outerHTML.slice(0, 80))
    )
    expect(unnamed).toEqual([])

    // Menu commands reach the editor: the document pane toggles, the help overlay opens.
    await app.emit('menu:command', 'toggle-document-pane')
    await expect(page.getByRole('complementary', { name: 'Document data' })).toBeVisible()
    await app.emit('menu:command', 'toggle-document-pane')
    await expect(page.getByRole('complementary', { name: 'Document data' })).toHaveCount(0)
    await app.emit('menu:command', 'shortcuts')
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
    await page.keyboard.press('Escape')
    await page.keyboard.press('?')
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
    await expect(page.getByTestId('shortcut-help')).toContainText('Next low-confidence word')
    await app.screenshot('editor-help')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('shortcut-help')).toHaveCount(0)

    // Speaker chip → rename everywhere.
    await page.getByTestId('speaker-chip').first().click()
    await expect(page.getByRole('menu', { name: 'Speaker' })).toBeVisible()
    await app.screenshot('editor-speaker-menu')
    await page.getByRole('menuitem', { name: 'Rename this speaker…' }).click()
    await page.getByTestId('speaker-name-input').fill('Ana R.')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('speaker-chip').nth(0)).toHaveText('Ana R.')
    await expect(page.getByTestId('speaker-chip').nth(2)).toHaveText('Ana R.')

    // Find & replace: whole word, replace all as one step, undo.
    await page.keyboard.press('Control+f')
    await expect(page.getByTestId('find-input')).toBeFocused()
    await page.getByTestId('find-input').fill('word')
    await page.getByLabel('Whole word').check()
    await expect(page.getByTestId('find-count')).toContainText('of 3')
    await page.getByTestId('replace-input').fill('term')
    await page.getByTestId('replace-all').click()
    expect((await segmentTexts(page))[0]).toContain('speech term by term.')
    expect((await segmentTexts(page))[1]).toContain('Click any term to jump')
    await page.getByTestId('find-input').fill('^Words? \\w+')
    await page.getByLabel('Regex').check()
    await expect(page.getByTestId('find-count')).toContainText('of 1')
    await page.getByTestId('find-input').focus()
    await page.keyboard.press('Control+z')
    expect((await segmentTexts(page))[0]).toContain('speech word by word.')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('find-panel')).toHaveCount(0)

    // Annotations: listed, added for the current segment, edited, deleted.
    await page.getByRole('button', { name: 'Annotations' }).click()
    const panel = page.getByTestId('annotations-panel')
    await expect(panel.locator('li')).toHaveCount(1)
    await page.locator('[data-testid="segment-text"] .w', { hasText: 'Click' }).click()
    await panel.getByTestId('add-annotation').click()
    await expect(panel.locator('li')).toHaveCount(2)
    await expect(panel.locator('li').nth(1).getByLabel('Start')).toHaveValue('0:09.3')
    await panel.locator('li').nth(1).getByLabel('Annotation text').fill('Check this sentence')
    await panel.locator('li').nth(1).getByLabel('Annotation text').blur()
    await expect(panel.locator('li').nth(1).getByLabel('Annotation text')).toHaveValue('Check this sentence')
    await panel.locator('li').nth(1).getByLabel('Start').fill('0:10.0')
    await panel.locator('li').nth(1).getByLabel('Start').press('Enter')
    await expect(panel.locator('li').nth(1).getByLabel('Start')).toHaveValue('0:10.0')
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.locator('[data-testid="segment-text"] .w', { hasText: 'underlined,' }).dblclick()
    await app.screenshot('editor-sample-dark-editing')
    await page.keyboard.press('Escape')
    await page.emulateMedia({ colorScheme: 'light' })
    await panel.locator('li').nth(1).getByRole('button', { name: /Delete/ }).click()
    await expect(panel.locator('li')).toHaveCount(1)
  })

  test('a video recording plays in the small resizable player', async ({ app }) => {
    const { page } = app
    const data = { ...JSON.parse(readFileSync(join(repoRoot, 'resources/sample/sample-task.json'), 'utf8')), taskId: 4343, externalId: 'video' }
    const file = join(app.dataDir, 'video.json')
    await writeFile(file, JSON.stringify(data))
    app.nextExportFile = file
    await page.getByTestId('start-open-file').click()
    app.nextMediaFile = await ensureFormat('mp4')
    await page.getByTestId('attach-recording').click()
    const video = page.locator('video[data-testid="media"]')
    await expect(video).toBeVisible()
    await page.getByTestId('play-toggle').click()
    await expect.poll(() => mediaTime(page)).toBeGreaterThan(0.3)
    await page.getByTestId('play-toggle').click()
    expect(await video.evaluate((el) => (el as HTMLVideoElement).videoWidth)).toBe(320)
    // Main makes no peaks for mp4; a small file is decoded here once and still gets its regions
    // (three: this 21 s video ends before the sample's last segment).
    await expect.poll(() => regionCount(page)).toBe(3)
    // The player resizes from the keyboard too: its corner is a focusable separator.
    const handle = page.getByRole('separator', { name: 'Size of the video player' })
    const box = page.getByTestId('video-box')
    await expect(handle).toHaveAttribute('aria-valuenow', '224')
    expect(Math.round((await box.boundingBox())!.width)).toBe(224)
    await handle.focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Shift+ArrowUp')
    await expect(handle).toHaveAttribute('aria-valuenow', '304')
    expect(await box.evaluate((el) => [Math.round(el.getBoundingClientRect().width), Math.round(el.getBoundingClientRect().height)])).toEqual([304, 171])
    await page.keyboard.press('Home')
    await expect(handle).toHaveAttribute('aria-valuenow', '120')
    // And by dragging it.
    const grip = (await handle.boundingBox())!
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2)
    await page.mouse.down()
    for (let dx = 20; dx <= 100; dx += 20) await page.mouse.move(grip.x + grip.width / 2 + dx, grip.y + grip.height / 2)
    await page.mouse.up()
    await expect(handle).toHaveAttribute('aria-valuenow', '220')
    await app.screenshot('editor-video')
  })

  test('shortcuts are remappable, persist, and words are reachable by arrow keys; split at the caret while editing', async ({ app }) => {
    const { page } = app
    await openSample(page)
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press('Control+,')
    const settings = page.getByTestId('shortcut-settings')
    await expect(settings).toBeVisible()
    await settings.getByRole('button', { name: 'Change the keys for Play / pause' }).press('Enter')
    await page.keyboard.press('Alt+k')
    await expect(settings).toContainText('Alt alone cannot be used')
    await page.keyboard.press('Control+k')
    await expect(settings).toContainText('Play / pause: Ctrl+K')
    await page.keyboard.press('Escape')
    await expect(settings).toHaveCount(0)
    await page.reload()
    await openSample(page)
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press('Control+k')
    await expect.poll(() => page.getByTestId('media').evaluate((el) => !(el as HTMLMediaElement).paused)).toBe(true)
    await page.keyboard.press('Control+k')
    await expect.poll(() => page.getByTestId('media').evaluate((el) => (el as HTMLMediaElement).paused)).toBe(true)

    // Arrow keys walk the words; the cursor word seeks.
    await page.locator('[data-testid="segment-text"] .w', { hasText: 'any' }).click()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await expect(page.locator('.w.cur')).toHaveText('to')
    await expect.poll(() => mediaTime(page)).toBeCloseTo(10.69, 1)

    // Editing: Ctrl+Enter splits at the caret.
    await page.keyboard.press('Enter')
    const field = page.getByTestId('segment-editor')
    await expect(field).toBeFocused()
    await page.keyboard.press('ArrowLeft') // caret to the start of the selected word
    await page.keyboard.press('Control+Enter')
    await expect(page.getByTestId('segment-count')).toHaveText('5 segments')
    expect((await segmentTexts(page))[1].trim()).toBe('Click any word')
    expect((await segmentTexts(page))[2]).toMatch(/^to jump there/)
  })

  test('selected words change speaker on their own (Ctrl+digit while editing)', async ({ app }) => {
    const { page } = app
    await openSample(page)
    await page.locator('[data-testid="segment-text"] .w', { hasText: 'recording' }).dblclick()
    await expect(page.getByTestId('segment-editor')).toBeFocused()
    await page.keyboard.press('Control+Shift+End')
    await page.keyboard.press('Control+2')
    await expect(page.getByTestId('segment-count')).toHaveText('5 segments')
    await expect(page.getByTestId('speaker-chip').nth(1)).toHaveText('Ben Carter')
    expect((await segmentTexts(page))[0].trim()).toBe('Welcome to the sample task. This')
    expect((await segmentTexts(page))[1]).toMatch(/^recording shows .* by word\./)
  })

  test('an edit in progress survives its row being scrolled far out of the list, and comes back', async ({ app }) => {
    test.setTimeout(90_000)
    const { page } = app
    const file = join(app.dataDir, 'senate-2h.json')
    await writeFile(file, JSON.stringify(convertRealFixture('senate-hearing-2h.dpe.json')))
    app.nextExportFile = file
    await page.getByTestId('start-open-file').click()
    await expect(page.getByTestId('segment-count')).toHaveText('838 segments')
    await page.locator('article.segment[data-index="1"] [data-testid="segment-text"] .w').first().dblclick()
    const field = page.locator('article.segment[data-index="1"] [data-testid="segment-editor"]')
    await expect(field).toBeFocused()
    await page.keyboard.press('End')
    await page.keyboard.type(' zebracrossing kept')
    // Scroll the row far out of the virtualised list's window with the wheel (no pause first).
    await page.getByTestId('transcript-scroller').hover()
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 4000)
    await expect(page.locator('article.segment[data-index="1"]')).toHaveCount(0)
    // The words are in the model (and so in the draft written by autosave). The 2-hour draft
    // crosses the test bridge (the browser's debugging protocol) slowly on a busy machine.
    await expect(page.getByTestId('save-state')).toHaveText(/Draft saved/, { timeout: 30_000 })
    const drafts = await draftFiles(app)
    expect(drafts.length).toBe(1)
    expect(readFileSync(join(app.dataDir, 'drafts', drafts[0]), 'utf8')).toContain('zebracrossing')
    // Scrolling back finds the row with the edit still there.
    await page.getByTestId('transcript-scroller').evaluate((el) => (el.scrollTop = 0))
    const row = page.locator('article.segment[data-index="1"]')
    await expect(row).toBeVisible()
    await expect.poll(() => row.evaluate((el) => (el.querySelector('textarea') as HTMLTextAreaElement | null)?.value ?? el.querySelector('[data-testid="segment-text"]')?.textContent ?? '')).toContain('zebracrossing kept')
  })

  test('one tab stop per row, speaker hints follow remapping, the looped range is drawn', async ({ app }) => {
    const { page } = app
    await page.evaluate(() => localStorage.setItem('sdte.shortcuts.v1', JSON.stringify({ speaker1: ['Mod+Shift+1'] })))
    await page.reload()
    await openSample(page)
    // Only the cursor row (and its own controls) are in the Tab order; other rows' buttons are not.
    const tabbable = await page.locator('article.segment').evaluateAll((rows) =>
      rows.map((row) => [row.getAttribute('tabindex'), ...Array.from(row.querySelectorAll('button')).map((b) => b.getAttribute('tabindex'))].join(','))
    )
    // The row, then its status button, speaker chip, time, reviewed toggle and Delete button.
    expect(tabbable[0]).toBe('0,0,0,0,0,0')
    for (const row of tabbable.slice(1)) expect(row).toBe('-1,-1,-1,-1,-1,-1')
    // The speaker menu shows the keys as they are bound now.
    await page.getByTestId('speaker-chip').first().click()
    await expect(page.getByTestId('speaker-hint').first()).toHaveText('Ctrl+Shift+1')
    await expect(page.getByTestId('speaker-hint').nth(1)).toHaveText('Ctrl+2')
    await page.keyboard.press('Escape')
    // Looping the current segment draws the range on the waveform; turning it off removes it.
    await page.getByRole('button', { name: '⟲ Loop' }).click()
    await expect(page.locator('[data-loop]')).toHaveCount(1)
    await page.getByRole('button', { name: '⟲ Loop' }).click()
    await expect(page.locator('[data-loop]')).toHaveCount(0)
  })

  test('pause while typing: the first key pauses the recording, and it plays on once the typing stops', async ({ app }) => {
    const { page } = app
    await openSample(page)
    await page.getByLabel('Pause while typing').check()
    await page.locator('[data-testid="segment-text"] .w', { hasText: 'Click' }).click()
    await page.getByTestId('play-toggle').click()
    const paused = () => page.getByTestId('media').evaluate((el) => (el as HTMLMediaElement).paused)
    await expect.poll(paused).toBe(false)
    await page.locator('[data-testid="segment-text"] .w', { hasText: 'unsure' }).dblclick()
    await expect(page.getByTestId('segment-editor')).toBeFocused()
    await page.keyboard.type('un')
    await expect.poll(paused).toBe(true)
    const at = await mediaTime(page)
    // Nothing more typed: it resumes by itself, from where it paused.
    await expect.poll(paused).toBe(false)
    expect(await mediaTime(page)).toBeGreaterThanOrEqual(at)
    await page.keyboard.press('Escape')
    await page.getByTestId('play-toggle').click()
    await expect.poll(paused).toBe(true)
  })

  test('find marks every match in the transcript, within a speaker when asked, and the marks go with the panel', async ({ app }) => {
    const { page } = app
    await openSample(page)
    await page.keyboard.press('Control+f')
    await page.getByTestId('find-input').fill('the')
    // Typing goes to the first match at or after the cursor and counts it (it said "– of 6").
    await expect(page.getByTestId('find-count')).toHaveText('1 of 6')
    await expect(page.locator('.w.found-current')).toHaveText(['the'])
    await page.getByTestId('find-input').press('Enter')
    await expect(page.getByTestId('find-count')).toHaveText('2 of 6')
    await page.getByTestId('find-input').press('Shift+Enter')
    await page.getByTestId('find-input').press('Shift+Enter')
    await expect(page.getByTestId('find-count')).toHaveText('6 of 6')
    await expect(page.locator('.w.found-current')).toHaveText(['them'])
    await expect(page.locator('.w.found')).toHaveText(['the', 'the', 'there,', 'the', 'the', 'them'])
    await page.getByLabel('Whole word').check()
    await expect(page.locator('.w.found')).toHaveText(['the', 'the', 'the', 'the'])
    await page.getByLabel('Within speaker').selectOption({ label: 'Ben Carter' })
    await expect(page.locator('.w.found')).toHaveText(['the'])
    await expect(page.locator('article.segment', { has: page.locator('.w.found') }).getByTestId('speaker-chip')).toHaveText(['Ben Carter'])
    // The marked words stand out from the text around them.
    const [mark, plain] = await page.locator('article.segment[data-index="1"] .w').evaluateAll((els) => [els.find((el) => el.classList.contains('found'))!, els[0]!].map((el) => getComputedStyle(el).backgroundColor))
    expect(mark).not.toBe(plain)
    await page.keyboard.press('Escape')
    await expect(page.locator('.w.found')).toHaveCount(0)
  })

  test('an annotation time that is not a time, or ends before it starts, is refused in the panel, which shows the time kept', async ({ app }) => {
    const { page } = app
    await openSample(page)
    await page.getByRole('button', { name: 'Annotations', exact: true }).click()
    const panel = page.getByTestId('annotations-panel')
    const start = panel.locator('li').first().getByLabel('Start')
    const end = panel.locator('li').first().getByLabel('End')
    await expect(start).toHaveValue('0:00.0')
    await expect(end).toHaveValue('0:02.0')
    await end.fill('soon')
    await end.press('Enter')
    await expect(panel.getByRole('alert')).toHaveText('"soon" is not a time (use m:ss.t); the end stays at 0:02.0.')
    await expect(end).toHaveValue('0:02.0')
    await start.fill('0:05.0')
    await start.press('Enter')
    await expect(panel.getByRole('alert')).toHaveText('An annotation cannot end (0:02.0) before it starts (0:05.0); the start stays at 0:00.0.')
    await expect(start).toHaveValue('0:00.0')
    // A valid time is taken, and the message goes.
    await end.fill('0:03.5')
    await end.press('Enter')
    await expect(panel.getByRole('alert')).toHaveCount(0)
    await expect(end).toHaveValue('0:03.5')
    // Past the end of the recording: the field shows where it was clamped.
    await end.fill('9:00.0')
    await end.press('Enter')
    await expect(end).not.toHaveValue('9:00.0')
  })

  test('shortcut help and settings keep Tab inside them, their list scrolls from the keyboard, and closing gives focus back', async ({ app }) => {
    const { page } = app
    await page.setViewportSize({ width: 1024, height: 640 })
    await openSample(page)
    const opener = page.getByRole('button', { name: 'Keyboard shortcuts' })
    await opener.focus()
    await page.keyboard.press('Enter')
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect(help).toBeVisible()
    const inside = (testId: string) => page.evaluate((id) => !!document.activeElement?.closest(`[data-testid="${id}"]`), testId)
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab')
      expect(await inside('shortcut-help')).toBe(true)
    }
    // The list is longer than this window: it takes focus and scrolls with the keyboard.
    const list = help.getByRole('group', { name: 'All shortcuts' })
    await list.focus()
    await page.keyboard.press('End')
    // End reaches the very bottom (the list is in two balanced columns, so which label ends up last
    // on screen depends on the fonts; the scroll position does not), and the top group left the view.
    await expect.poll(() => list.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop)).toBeLessThanOrEqual(1)
    expect(await list.evaluate((el) => el.scrollTop)).toBeGreaterThan(0)
    await expect(list.locator('h3').first()).not.toBeInViewport()
    await page.keyboard.press('Escape')
    await expect(help).toHaveCount(0)
    await expect(opener).toBeFocused()

    // Settings, from the help's "Change…": the same, and focus goes back to the opener.
    await page.keyboard.press('Enter')
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('button', { name: 'Change…' }).click()
    await expect(page.getByTestId('shortcut-settings')).toBeVisible()
    for (let i = 0; i < 70; i++) await page.keyboard.press('Tab')
    expect(await inside('shortcut-settings')).toBe(true)
    await page.keyboard.press('Shift+Tab')
    expect(await inside('shortcut-settings')).toBe(true)
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('shortcut-settings')).toHaveCount(0)
    await expect(opener).toBeFocused()
  })

  test('the speaker menu from the keyboard: arrows and Home/End move, Enter reassigns, Tab leaves and closes it', async ({ app }) => {
    const { page } = app
    await openSample(page)
    await page.locator('article.segment').first().focus()
    // The row's first stop is its review status, then the speaker chip.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await expect(page.getByTestId('speaker-chip').first()).toBeFocused()
    await page.keyboard.press('Enter')
    const menu = page.getByRole('menu', { name: 'Speaker' })
    await expect(menu.getByRole('menuitemradio', { name: /Ana Ribeiro/ })).toBeFocused()
    await page.keyboard.press('End')
    await expect(menu.getByRole('menuitem', { name: 'New speaker…' })).toBeFocused()
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowDown')
    await expect(menu.getByRole('menuitemradio', { name: /Ben Carter/ })).toBeFocused()
    // Tab leaves the menu, which closes instead of staying open behind the focus.
    await page.keyboard.press('Tab')
    await expect(page.getByTestId('speaker-menu')).toHaveCount(0)
    // Enter on an item reassigns the segment and gives focus back to its chip.
    await page.getByTestId('speaker-chip').first().focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('speaker-chip').first()).toHaveText('Ben Carter')
    await expect(page.getByTestId('speaker-chip').first()).toBeFocused()
    // Renaming from the keyboard keeps the menu open while its name field takes focus.
    await page.keyboard.press('Enter')
    await page.keyboard.press('End')
    // Up past "Merge this speaker into…" (the menu's item above "New speaker…") to Rename.
    await page.keyboard.press('ArrowUp')
    await expect(page.getByRole('menu', { name: 'Speaker' }).getByRole('menuitem', { name: 'Merge this speaker into…' })).toBeFocused()
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('speaker-name-input')).toBeFocused()
    await page.keyboard.type('Ben C.')
    await page.keyboard.press('Control+a')
    await page.keyboard.type('Ben C.')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('speaker-chip').first()).toHaveText('Ben C.')
  })

  test('a range dragged out on the waveform becomes the new annotation’s range', async ({ app }) => {
    const { page } = app
    await openSample(page)
    const box = (await page.getByTestId('waveform').boundingBox())!
    const xAt = (seconds: number): number => box.x + (seconds / 30.768) * box.width
    const y = box.y + box.height * 0.4
    await page.mouse.move(xAt(3), y)
    await page.mouse.down()
    for (let i = 1; i <= 12; i++) await page.mouse.move(xAt(3 + (i * 3) / 12), y)
    await page.mouse.up()
    await expect(page.locator('[data-selection]')).toHaveCount(1)
    await page.getByRole('button', { name: 'Annotations' }).click()
    const panel = page.getByTestId('annotations-panel')
    await panel.getByTestId('add-annotation').click()
    await expect(panel.locator('li')).toHaveCount(2)
    const start = await panel.locator('li').nth(1).getByLabel('Start').inputValue()
    const end = await panel.locator('li').nth(1).getByLabel('End').inputValue()
    expect(start).toMatch(/^0:0[23]\.\d$/)
    expect(end).toMatch(/^0:0[56]\.\d$/)
    // The new annotation is drawn in its own lane.
    await expect(page.locator('[data-annotation-id]')).toHaveCount(2)
    // A plain click on the waveform seeks there and clears the selection.
    await page.mouse.click(xAt(20), y)
    await expect.poll(() => mediaTime(page)).toBeCloseTo(20, 0)
    await expect(page.locator('[data-selection]')).toHaveCount(0)
  })

  test('the waveform playhead is drawn from the player’s time, and the view follows it by pages', async ({ app }) => {
    const { page } = app
    await openSample(page)
    // Zoomed in all the way (600 px/s), the 30-second sample is ~18,000 px wide: a view holds about two seconds.
    const pxPerSec = 600
    const zoomIn = page.getByRole('button', { name: 'Zoom in' })
    while (await zoomIn.isEnabled()) await zoomIn.click()
    await page.getByTestId('play-toggle').click()
    // Played past the first view: the view has turned to keep the playhead in it.
    await expect.poll(async () => (await waveformState(page)).left, { timeout: 15_000 }).toBeGreaterThan(0)
    for (let i = 0; i < 3; i++) {
      const { t0, t1, x, left, width } = await waveformState(page)
      // Drawn in that frame from the player's time (to the pixel), and inside the view.
      expect(x).toBeGreaterThanOrEqual(t0 * pxPerSec - 2)
      expect(x).toBeLessThanOrEqual(t1 * pxPerSec + 2)
      expect(x).toBeGreaterThanOrEqual(left)
      expect(x).toBeLessThanOrEqual(left + width)
    }
    // By pages, not a scroll every frame: over ten frames the view stays put (or turns once).
    const lefts = await page.evaluate(async () => {
      const scroll = document.querySelector('[data-testid="waveform"] > div')!.shadowRoot!.querySelector('.scroll') as HTMLElement
      const out: number[] = []
      for (let i = 0; i < 10; i++) {
        await new Promise((r) => requestAnimationFrame(r))
        out.push(scroll.scrollLeft)
      }
      return out
    })
    expect(new Set(lefts).size).toBeLessThanOrEqual(2)
    await page.getByTestId('play-toggle').click()
  })

  test('the annotation lane and the regions stay above the time ruler’s labels at every zoom level', async ({ app }) => {
    const { page } = app
    await openSample(page)
    // A second annotation, long enough to lie under labels at every zoom level.
    await page.getByRole('button', { name: 'Annotations' }).click()
    const panel = page.getByTestId('annotations-panel')
    await page.locator('[data-testid="segment-text"] .w', { hasText: 'recogniser' }).click()
    await panel.getByTestId('add-annotation').click()
    await expect(page.locator('[data-annotation-id]')).toHaveCount(2)
    await page.getByRole('button', { name: 'Close annotations' }).click()

    /** What is visible in the waveform's view: annotation boxes, segment region boxes, the ruler's label text boxes. */
    const layout = () =>
      page.evaluate(() => {
        const root = document.querySelector('[data-testid="waveform"] > div')!.shadowRoot!
        const view = (root.querySelector('.scroll') as HTMLElement).getBoundingClientRect()
        const box = (r: DOMRect) => ({ x: r.x, y: r.y, w: r.width, h: r.height })
        const visible = (r: DOMRect) => r.width > 0 && r.right > view.left && r.left < view.right
        const labels = Array.from(root.querySelectorAll<HTMLElement>('[part~="timeline-notch"]'))
          .filter((n) => n.textContent?.trim())
          .map((n) => {
            const range = document.createRange()
            range.selectNodeContents(n)
            return range.getBoundingClientRect()
          })
          .filter(visible)
          .map(box)
        const annotations = Array.from(root.querySelectorAll('[data-annotation-id]')).map((a) => a.getBoundingClientRect()).filter(visible).map(box)
        const regions = Array.from(root.querySelectorAll('[data-segment-id]')).map((a) => a.getBoundingClientRect()).filter(visible).map(box)
        return { labels, annotations, regions }
      })
    type Box = { x: number; y: number; w: number; h: number }
    const intersects = (a: Box, b: Box): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

    const zoomOut = page.getByRole('button', { name: 'Zoom out' })
    const zoomIn = page.getByRole('button', { name: 'Zoom in' })
    while (await zoomOut.isEnabled()) await zoomOut.click()
    let levels = 0

    for (;;) {
      // The view on 0:20, a labelled time inside the second annotation (zoomed in, a view holds about two seconds).
      await page.evaluate(() => {
        const scroll = document.querySelector('[data-testid="waveform"] > div')!.shadowRoot!.querySelector('.scroll') as HTMLElement
        scroll.scrollLeft = Math.max(0, (20 / 30.768) * scroll.scrollWidth - scroll.clientWidth / 2)
      })
      // Wait for this level's ruler to be drawn there (its labels follow the zoom and the scroll).
      await expect.poll(async () => (await layout()).labels.length).toBeGreaterThan(0)
      const { labels, annotations, regions } = await layout()
      expect(annotations.length, `annotations in view at zoom level ${levels}`).toBeGreaterThan(0)
      for (const label of labels) {
        for (const a of annotations) expect(intersects(a, label), `annotation ${JSON.stringify(a)} over label ${JSON.stringify(label)} at zoom level ${levels}`).toBe(false)
        for (const r of regions) expect(intersects(r, label), `segment region over label at zoom level ${levels}`).toBe(false)
      }
      if (levels === 4) {
        await page.getByTestId('waveform').screenshot({ path: join(repoRoot, 'test-results', 'screenshots', 'waveform-annotations.png') })
        await app.screenshot('editor-waveform-annotations')
      }
      levels++
      if (!(await zoomIn.isEnabled())) break
      await zoomIn.click()
    }
    expect(levels).toBe(9)
  })

  test('a click on a row’s blank part puts the cursor on that row without moving playback; words and buttons keep their clicks', async ({ app }) => {
    const { page } = app
    await openSample(page)
    const row = page.locator('article.segment').nth(2)
    await expect(row).not.toHaveAttribute('aria-current', 'true')
    const before = await mediaTime(page)
    // Right of the last word, on the text's line; then the row's bottom padding.
    const text = (await row.getByTestId('segment-text').boundingBox())!
    const box = (await row.boundingBox())!
    await page.mouse.click(box.x + box.width - 30, text.y + text.height - 8)
    await expect(row).toHaveAttribute('aria-current', 'true')
    await expect(row).toBeFocused()
    expect(await mediaTime(page)).toBe(before)
    const next = page.locator('article.segment').nth(3)
    const nextBox = (await next.boundingBox())!
    await page.mouse.click(nextBox.x + nextBox.width / 2, nextBox.y + nextBox.height - 4)
    await expect(next).toHaveAttribute('aria-current', 'true')
    // Enter edits it with the caret at the end of its text.
    await page.keyboard.press('Enter')
    const field = next.getByTestId('segment-editor')
    await expect(field).toBeFocused()
    const [caret, length] = await field.evaluate((el) => [(el as HTMLTextAreaElement).selectionStart, (el as HTMLTextAreaElement).value.trimEnd().length])
    expect(caret).toBe(length)
    await page.keyboard.press('Escape')
    // A word still seeks to itself, the reviewed toggle still toggles (and neither is taken as a row click).
    await row.locator('.w').first().click()
    await expect.poll(() => mediaTime(page)).toBeCloseTo(sampleWords.find((w) => w.si === 2 && w.wi === 0)!.start, 1)
    await expect(row).toHaveAttribute('aria-current', 'true')
    await next.getByTestId('reviewed-toggle').click()
    await expect(next.getByTestId('reviewed-toggle')).toHaveAttribute('aria-pressed', 'true')
    await expect(row).toHaveAttribute('aria-current', 'true')
  })
})

test.describe('a reviewer’s second pass', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`word marks, shortcuts, find, repairs and export times; screenshots at 1280×800 and 1920×1080, ${scheme}`, async ({ app }) => {
      const { page } = app
      await page.emulateMedia({ colorScheme: scheme })
      await openSample(page)
      // The shortcuts are named, with their key, and a first-run hint says where they are.
      await expect(page.getByTestId('shortcuts-button')).toHaveText('Shortcuts ?')
      await expect(page.getByTestId('shortcut-hint')).toBeVisible()
      // Low confidence is a tint explained by a legend; estimated timing is never italic.
      await expect(page.getByTestId('word-marks-legend')).toContainText('Low confidence, below')
      const low = page.locator('.w.low', { hasText: 'recogniser' })
      const plain = page.locator('.w', { hasText: 'Words' }).first()
      expect(await low.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(await plain.evaluate((el) => getComputedStyle(el).backgroundColor))
      expect(await page.locator('.w').evaluateAll((els) => els.filter((el) => getComputedStyle(el).fontStyle === 'italic').length)).toBe(0)
      // Find shows where it is.
      await page.keyboard.press('Control+f')
      await page.getByTestId('find-input').fill('word')
      await expect(page.getByTestId('find-count')).toHaveText(/^1 of \d+$/)
      // The playing word: paused on a word, it is marked (bright in the dark theme too).
      await page.locator('[data-testid="segment-text"] .w', { hasText: 'follows' }).click()
      await expect(page.locator('.w.playing')).toHaveCount(1)
      for (const [width, height] of [[1280, 800], [1920, 1080]] as const) {
        await page.setViewportSize({ width, height })
        await app.screenshot(`review-editor-${width}x${height}-${scheme}`)
      }
      await page.keyboard.press('Escape')

      // The export dialog's times, as timecodes.
      await page.setViewportSize({ width: 1280, height: 800 })
      await app.emit('menu:command', 'export')
      const dialog = page.getByRole('dialog', { name: 'Export' })
      await expect(dialog.getByLabel('Programme start (timecode)')).toHaveValue('00:00:00:00')
      await dialog.getByLabel('Programme start (timecode)').fill('10:00:00:99')
      await expect(dialog.getByTestId('startOffsetMs-hint')).toContainText('frame 99 does not exist')
      await dialog.getByLabel('Programme start (timecode)').fill('10:00:00:00')
      await expect(dialog.getByTestId('startOffsetMs-hint')).toContainText('= 36000000 ms')
      for (const [width, height] of [[1280, 800], [1920, 1080]] as const) {
        await page.setViewportSize({ width, height })
        await app.screenshot(`review-export-${width}x${height}-${scheme}`)
      }
      await dialog.getByText('Close', { exact: true }).click()

      // A task normalise had to fix: the notice in plain words, each fix a link to its segment.
      const repaired = join(app.dataDir, 'repaired.json')
      await writeFile(repaired, JSON.stringify(overlappingUnsorted))
      app.nextExportFile = repaired
      await page.getByRole('button', { name: 'Close', exact: true }).click()
      await page.getByTestId('start-open-file').click()
      const notice = page.getByTestId('repair-notice')
      await expect(notice).toContainText('Fixed automatically when the task opened')
      await notice.getByTestId('repair-toggle').click()
      const link = notice.getByTestId('repair-go').last()
      const where = (await link.innerText()).split(' · ')[0]!
      await link.click()
      await expect(page.locator('article.segment.cursor')).toHaveAttribute('data-index', String(Number(where.replace('Segment ', '')) - 1))
      await page.getByRole('button', { name: 'Document pane', exact: true }).click()
      await expect(page.getByTestId('document-purpose')).toBeVisible()
      for (const [width, height] of [[1280, 800], [1920, 1080]] as const) {
        await page.setViewportSize({ width, height })
        await app.screenshot(`review-repairs-${width}x${height}-${scheme}`)
      }
    })
  }
})

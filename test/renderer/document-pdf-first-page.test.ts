import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { mount } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import type * as PdfPreload from '../../renderer/src/lib/pdf-preload'
import { usePdfPages } from '../../renderer/src/composables/use-pdf-pages'
import { dropPreloaded, firstPageDone, firstPageOf, preloadPdf } from '../../renderer/src/lib/pdf-preload'
import { useDocumentStore } from '../../renderer/src/stores/document-store'
import { documentExportSchema } from '../../shared/api/document-export'
import { flattenDocument } from '../../shared/document/flatten'
import type { DocumentFileState } from '../../shared/ipc/contract'
import { bigDocumentExport } from '../fixtures/documents/big-export'
import { installFakeSdte } from './support/fake-sdte'
import type { FakeSdte } from './support/fake-sdte'

/*
 * The document pane's first page goes first (issue 21): page 1 is painted once — a schedule()
 * while it is painted (the pane's width settling) no longer blanks it and paints it again —
 * and a long export's data list waits for it to be painted (or for a bounded time) before it is drawn.
 */

// pdf.js stood in for by a document whose page 1 paints only when the test says so.
const renders: number[] = []
let releaseFirst: () => void = () => undefined
function fakePage(n: number) {
  return {
    getViewport: ({ scale }: { scale: number }) => ({ width: 612 * scale, height: 792 * scale }),
    render: () => {
      renders.push(n)
      const first = n === 1 && renders.filter((r) => r === 1).length === 1
      return { promise: first ? new Promise<void>((resolve) => (releaseFirst = resolve)) : Promise.resolve() }
    }
  }
}
const fakeDoc = { numPages: 3, getPage: async (n: number) => fakePage(n), destroy: async () => undefined } as unknown as PDFDocumentProxy
vi.mock('../../renderer/src/lib/pdf-preload', async (original) => ({
  ...(await original<typeof PdfPreload>()),
  takePdf: async () => ({ promise: Promise.resolve(fakeDoc) })
}))

const pdfUrl = 'sdte-media://document/2300.pdf'
const readyPdf: DocumentFileState = { status: 'ready', url: pdfUrl, contentType: 'application/pdf', size: 400_000 }

const pagesPdf: DocumentFileState = { ...readyPdf, url: 'sdte-media://document/pages.pdf' }
const afterFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))

/** A page view stand-in: the composable's page frames and canvases, its schedule() exposed. */
const Pages = defineComponent({
  setup(_, { expose }) {
    const container = ref<HTMLElement | null>(null)
    const { pages, schedule } = usePdfPages(container, () => pagesPdf, () => undefined)
    expose({ schedule })
    return () => h('div', { ref: container }, pages.value.map((p) => h('div', { 'data-page-frame': p.number, key: p.number }, [h('canvas', { 'data-page': p.number })])))
  }
})

let fake: FakeSdte
beforeEach(() => {
  setActivePinia(createPinia())
  fake = installFakeSdte()
  renders.length = 0
})

describe('page 1 of a PDF', () => {
  it('is painted once, even when the pages are scheduled while it is being painted', async () => {
    const wrapper = mount(Pages, { attachTo: document.body })
    await expect.poll(() => renders).toEqual([1])
    // What the pane's width settling does 150 ms after the page frames appear, mid-paint.
    ;(wrapper.vm as unknown as { schedule: () => void }).schedule()
    releaseFirst()
    // Painted (said at once), then shown after a frame, then scheduled with the pages near it.
    await firstPageOf(pagesPdf.url)
    await afterFrame()
    await afterFrame()
    const canvas = wrapper.find('canvas[data-page="1"]').element as HTMLCanvasElement
    await expect.poll(() => canvas.dataset['rendered']).toBe('true')
    // Before, the schedule() above ran between the paint and the showing: page 1 was blanked and painted again.
    expect(renders.filter((n) => n === 1)).toHaveLength(1)
    expect(canvas.width).toBeGreaterThan(0)
    wrapper.unmount()
  })

  it('is said to be painted to whoever waits for it, also when it was painted first', async () => {
    const url = 'sdte-media://document/said.pdf'
    let settled = false
    void firstPageOf(url).then(() => (settled = true))
    await Promise.resolve()
    expect(settled).toBe(false)
    firstPageDone(url)
    await expect.poll(() => settled).toBe(true)
    // Asked again after it was painted: already settled.
    await firstPageOf(url)
  })
})

describe('the same PDF opened again', () => {
  it('has its page 1 waited for again (the first time it was shown does not count)', async () => {
    const url = 'sdte-media://document/again.pdf'
    preloadPdf(url)
    firstPageDone(url)
    await firstPageOf(url)
    // Closed and opened again.
    dropPreloaded()
    preloadPdf(url)
    let settled = false
    void firstPageOf(url).then(() => (settled = true))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(settled).toBe(false)
    firstPageDone(url)
    await expect.poll(() => settled).toBe(true)
    dropPreloaded()
  })
})

describe('a long export with a PDF', () => {
  const long = () => ({ origin: 'api' as const, fileName: null, data: documentExportSchema.parse(bigDocumentExport(30, 2300)) })

  it('draws its data list only once the first page is painted', { timeout: 90_000 }, async () => {
    fake.handlers['documents:resolveFile'] = () => ({ ok: true, value: readyPdf })
    const store = useDocumentStore()
    const doc = long()
    store.adopt(doc)
    await expect.poll(() => store.waitingForPage, { timeout: 80_000 }).toBe(true)
    expect(store.flat).toBeNull()
    expect(store.preparing).toBe(true)
    firstPageDone(pdfUrl)
    await expect.poll(() => store.flat, { timeout: 10_000 }).not.toBeNull()
    expect(store.waitingForPage).toBe(false)
    expect(store.flat).toEqual(flattenDocument(doc.data))
  })

  it('draws it anyway when the first page does not come', { timeout: 90_000 }, async () => {
    fake.handlers['documents:resolveFile'] = () => ({ ok: true, value: { ...readyPdf, url: 'sdte-media://document/never.pdf' } })
    const store = useDocumentStore()
    store.adopt(long())
    await expect.poll(() => store.waitingForPage, { timeout: 80_000 }).toBe(true)
    // Bounded by dataWaitsForPageMs: the data comes without page 1.
    await expect.poll(() => store.flat, { timeout: 30_000 }).not.toBeNull()
  })
})

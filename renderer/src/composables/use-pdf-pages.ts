import { nextTick, onBeforeUnmount, onMounted, ref, shallowRef, watch } from 'vue'
import type { Ref } from 'vue'
import type { DocumentFileState } from '../../../shared/ipc/contract'
import type { PageSize } from '../../../shared/document/coordinates'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import { idleTask } from '../lib/idle-task'
import { firstPageDone, takePdf } from '../lib/pdf-preload'
import { t } from '../i18n'

/*
 * The original file's pages: a PDF rendered with pdf.js (one canvas per page, `canvas[data-page]`
 * inside `[data-page-frame]`), or an image as one page. Loaded when the file changes, painted
 * on demand, painted again when the pane's width settles, and disposed on unmount.
 *
 * A 100-page PDF would be 100 canvases of several MB each and 40,000 SVG shapes: only the pages
 * near the viewport (and the one pinned, holding the selection) get a canvas painted and an
 * overlay; pages that go far give their pixel memory back.
 */

/** One page as laid out before it is painted. */
export interface PageView {
  readonly number: number
  readonly size: PageSize
  /** Width / height of the page, for the placeholder box before it renders. */
  readonly aspect: number
}

/**
 * A user-timing mark of the first page's way to the screen (file ready → pdf.js loaded → document
 * opened → first page read → painted), read by test/bench/document.ts to say where the wait is.
 */
function mark(step: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`sdte:pdf-${step}`)
}

/** Resolves after the next frame has been drawn (at once where there are no frames: test DOMs). */
function afterNextFrame(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve()
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
}

/** A PDF page laid out at its size in points (PDF user space: 72 to the inch). */
function viewOf(number: number, vp: { readonly width: number; readonly height: number }): PageView {
  return { number, size: { widthInches: vp.width / 72, heightInches: vp.height / 72 }, aspect: vp.width / vp.height }
}

/** The size a page's canvas is painted for: its width on screen and the display's pixel ratio. */
function paintKey(canvas: HTMLCanvasElement): string {
  const cssWidth = Math.max(200, canvas.parentElement?.clientWidth ?? 600)
  return `${cssWidth}@${Math.min(2, window.devicePixelRatio || 1)}`
}

/**
 * Loads and paints the pages of `file()` inside `container` (the scrolling element holding the
 * page frames); `onMoved` runs when the pages moved under the reader: the pane's width has settled
 * and the pages were repainted, or every page's frame came in after page 1's first paint.
 */
export function usePdfPages(container: Ref<HTMLElement | null>, file: () => DocumentFileState | null, onMoved: () => void) {
  const pages = shallowRef<PageView[]>([])
  const renderError = ref<string | null>(null)
  const imageUrl = ref<string | null>(null)
  let pdf: PDFDocumentProxy | null = null
  let generation = 0

  /** Pages within about a screen of the viewport. */
  const near = ref<ReadonlySet<number>>(new Set())
  const pinned = ref<number | null>(null)
  /** True when page `n` is painted and gets its overlay (near the view, or pinned). */
  const shown = (n: number) => near.value.has(n) || pinned.value === n
  const rendered = new Set<number>()
  /**
   * The page painted ahead of the queue (page 1), kept while it is not yet "shown": a schedule()
   * that ran between its paint and its showing (the pane's width settling, 150 ms after the page
   * frames appear) took it for a page gone far, blanked its canvas and painted it again — a
   * second paint of page 1 before it stayed on screen (profiled: ~0.3-0.7 s under load).
   */
  let painting: number | null = null
  let observer: IntersectionObserver | null = null
  let renderQueue: Promise<void> = Promise.resolve()

  function observe(): void {
    observer?.disconnect()
    observer = null
    const root = container.value
    if (!root) return
    if (typeof IntersectionObserver === 'undefined') {
      // No observer (test DOMs): the first pages stand in for "near".
      near.value = new Set(pages.value.slice(0, 3).map((p) => p.number))
      schedule()
      return
    }
    observer = new IntersectionObserver(
      (entries) => {
        const next = new Set(near.value)
        for (const entry of entries) {
          const n = Number((entry.target as HTMLElement).dataset['pageFrame'])
          if (entry.isIntersecting) next.add(n)
          else next.delete(n)
        }
        near.value = next
        schedule()
      },
      { root, rootMargin: '100% 0px' }
    )
    for (const el of root.querySelectorAll('[data-page-frame]')) observer.observe(el)
  }

  /** Paints pages that came near and frees the canvases of pages that went far, one at a time. */
  function schedule(): void {
    const my = generation
    renderQueue = renderQueue.then(async () => {
      for (const n of [...rendered]) {
        if (shown(n) || n === painting) continue
        const canvas = canvasOf(n)
        if (canvas) {
          // Zero-size canvases give their pixel memory back.
          canvas.width = 0
          canvas.height = 0
          delete canvas.dataset['rendered']
        }
        rendered.delete(n)
      }
      for (const view of pages.value) {
        if (my !== generation || !pdf) return
        if (!shown(view.number) || (rendered.has(view.number) && !staleAt(view.number))) continue
        await renderPage(pdf, view)
      }
    }).catch((error: unknown) => {
      if (my === generation) renderError.value = t('document.pageView.pdfFailed', { message: (error as Error).message })
    })
  }

  /** Keeps page `n` painted and overlaid even before the observer reports it near (it holds the selection). */
  function pin(n: number): void {
    if (pinned.value === n) return
    pinned.value = n
    schedule()
  }

  const canvasOf = (n: number) => container.value?.querySelector<HTMLCanvasElement>(`canvas[data-page="${n}"]`) ?? null

  /** True when a painted page is shown at another size than it was painted for (the pane was resized). */
  function staleAt(n: number): boolean {
    const canvas = canvasOf(n)
    return canvas !== null && canvas.dataset['paintedFor'] !== paintKey(canvas)
  }

  async function renderPage(doc: PDFDocumentProxy, view: PageView): Promise<void> {
    const canvas = canvasOf(view.number)
    if (!canvas) return
    rendered.add(view.number)
    const page = await doc.getPage(view.number)
    const key = paintKey(canvas)
    const [cssWidth, ratio] = key.split('@').map(Number) as [number, number]
    const scale = (cssWidth / (view.size.widthInches! * 72)) * ratio
    const vp = page.getViewport({ scale })
    canvas.width = Math.round(vp.width)
    canvas.height = Math.round(vp.height)
    if (view.number === 1) mark('first-paint-start')
    await page.render({ canvas, viewport: vp }).promise
    if (view.number === 1) mark('first-paint-done')
    if (rendered.has(view.number)) {
      canvas.dataset['rendered'] = 'true'
      canvas.dataset['paintedFor'] = key
    }
  }

  // ---- repaint on resize -----------------------------------------------------------------------
  // The canvases stretch with the pane at once (blurry or coarse for a moment); once the width has
  // settled, the pages in view are painted again for their new size.
  let resizeObserver: ResizeObserver | null = null
  let resizeTimer: ReturnType<typeof setTimeout> | undefined
  let observedWidth = 0
  function watchSize(): void {
    const root = container.value
    if (!root || typeof ResizeObserver === 'undefined') return
    resizeObserver = new ResizeObserver(([entry]) => {
      const width = Math.round(entry?.contentRect.width ?? 0)
      if (width === observedWidth) return
      const first = observedWidth === 0
      observedWidth = width
      if (first) return
      clearTimeout(resizeTimer)
      resizeTimer = setTimeout(() => {
        schedule()
        onMoved()
      }, 150)
    })
    resizeObserver.observe(root)
  }
  onMounted(watchSize)

  async function load(): Promise<void> {
    const my = ++generation
    await dispose()
    observer?.disconnect()
    rendered.clear()
    painting = null
    near.value = new Set()
    pinned.value = null
    pages.value = []
    renderError.value = null
    imageUrl.value = null
    const f = file()
    if (!f || f.status !== 'ready') return
    if (f.contentType.startsWith('image/')) {
      imageUrl.value = f.url
      return
    }
    try {
      mark('file-ready')
      // Usually already under way: the document store asked for it as soon as the file was known (pdf-preload.ts).
      const task = await takePdf(f.url)
      mark('lib-ready')
      const loaded = await task.promise
      mark('document-ready')
      if (my !== generation) return void loaded.destroy()
      pdf = loaded
      // The first page's size only: asking pdf.js for all 100 pages first kept the first page off
      // screen for 2.2 s. Every placeholder takes its shape; the first page is painted at once and
      // the others' own sizes are read afterwards, in idle time (measureRest).
      const first = viewOf(1, (await loaded.getPage(1)).getViewport({ scale: 1 }))
      mark('first-page-read')
      if (my !== generation) return
      // Page 1's frame alone until it is painted: the worker starts page 1's operator list only
      // when the page is drawn, and mounting, styling and laying out every page's frame first
      // held that back (a 100-page PDF: one ~45 ms task between the page read and the draw,
      // test/bench/document-profile.ts). The other frames come right after the first paint.
      pages.value = [first]
      await nextTick()
      // Page 1 is painted before it counts as shown: its overlay (every box's shape, label and
      // reading order, worked out for the whole document) is built after the pixels, not before.
      await firstPaint(loaded, my)
      if (my !== generation) return
      firstPageDone(f.url)
      // Its overlay after the frame that shows the pixels: drawing it (the page's boxes, the Tab
      // stop) in the same task held the painted page off the screen. The other pages' frames too.
      await afterNextFrame()
      painting = null
      if (my !== generation) return
      if (loaded.numPages > 1) {
        // Page 1 keeps its element (keyed by number), and so its pixels.
        pages.value = Array.from({ length: loaded.numPages }, (_, i) => (i === 0 ? first : { ...first, number: i + 1 }))
        await nextTick()
        if (my !== generation) return
        // A box selected before the frames came (its page's frame missing then) is brought into view now.
        onMoved()
      }
      near.value = new Set([...near.value, 1])
      schedule()
      observe()
      void renderQueue.then(() => measureRest(loaded, my))
    } catch (error) {
      if (my === generation) renderError.value = t('document.pageView.pdfFailed', { message: (error as Error).message })
    } finally {
      // Painted or failed: the data list waits no longer (document-store.ts). A load replaced or
      // unmounted says nothing: the next load's page 1 may be the same file's, reopened.
      if (my === generation) firstPageDone(f.url)
    }
  }

  /** Paints page 1 on its own, ahead of the queue (a later schedule() keeps it while it is shown). */
  async function firstPaint(doc: PDFDocumentProxy, my: number): Promise<void> {
    const view = pages.value[0]
    if (!view) return
    painting = view.number
    const painted = renderQueue.then(() => (my === generation ? renderPage(doc, view) : undefined))
    renderQueue = painted.catch(() => undefined)
    await painted
  }

  /** Reads each page's own size after the first paint, a few pages per idle period; a page of another shape gets its own placeholder. */
  async function measureRest(doc: PDFDocumentProxy, my: number): Promise<void> {
    const idle = idleTask(500)
    const views = [...pages.value]
    let changed = false
    for (let n = 2; n <= views.length; n++) {
      if (n % 10 === 2) await new Promise<void>((resolve) => idle.schedule(resolve))
      if (my !== generation) return
      const view = viewOf(n, (await doc.getPage(n)).getViewport({ scale: 1 }))
      if (my !== generation) return
      if (view.aspect !== views[n - 1]!.aspect) {
        views[n - 1] = view
        changed = true
      }
    }
    if (!changed) return
    pages.value = views
    await nextTick()
    // Frames of another shape: repaint those in view at their own size.
    for (const view of views) if (rendered.has(view.number) && view.aspect !== views[0]!.aspect) rendered.delete(view.number)
    schedule()
  }

  /** The image's own size once it has loaded: it is the one page. */
  function onImageLoad(event: Event): void {
    const img = event.target as HTMLImageElement
    pages.value = [{ number: 1, size: { pixelWidth: img.naturalWidth, pixelHeight: img.naturalHeight }, aspect: img.naturalWidth / Math.max(1, img.naturalHeight) }]
  }

  /** An image the browser cannot show. */
  function onImageError(): void {
    renderError.value = t('document.pageView.imageFailed')
  }

  async function dispose(): Promise<void> {
    const old = pdf
    pdf = null
    rendered.clear()
    if (old) await old.destroy().catch(() => undefined)
  }

  watch(file, () => void load(), { immediate: true })
  onBeforeUnmount(() => {
    generation++
    clearTimeout(resizeTimer)
    resizeObserver?.disconnect()
    observer?.disconnect()
    void dispose()
  })

  return { pages, renderError, imageUrl, shown, pin, schedule, onImageLoad, onImageError }
}

import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import PageOverlay from '../../renderer/src/components/document/PageOverlay.vue'
import DocumentPageView from '../../renderer/src/components/document/DocumentPageView.vue'
import { pageShapes } from '../../renderer/src/components/document/page-shapes'
import { targetLabels } from '../../renderer/src/components/document/announce'
import { documentExportSchema } from '../../shared/api/document-export'
import { flattenDocument } from '../../shared/document/flatten'
import { documentTask } from '../fake-api/seeds'

/* The one overlay used for PDF pages and images: the same boxes, names, tooltips and keys on both. */

const doc = flattenDocument(documentExportSchema.parse(documentTask().body))
const letter = { widthInches: 8.5, heightInches: 11 }
const shapes = pageShapes(doc, new Map([[1, letter], [2, letter]]))
const names = targetLabels(doc)
const labels = new Map(shapes.map((s) => [s.key, names.get(s.targetId) ?? 'Box']))

describe('PageOverlay', () => {
  const onPage2 = shapes.filter((s) => s.page === 2 && s.rect)
  const total = onPage2.find((s) => labels.get(s.key)?.startsWith('Total'))!

  it('draws each box of its page as a named option with its name as a tooltip; one Tab stop; the selected one with a halo', () => {
    const wrapper = mount(PageOverlay, {
      props: { page: 2, shapes: shapes.filter((s) => s.page === 2), selectedId: total.targetId, tabStop: total.key, labels, ring: null, label: 'Boxes on page 2' }
    })
    const svg = wrapper.get('svg[data-overlay-page="2"]')
    expect(svg.attributes('role')).toBe('listbox')
    expect(svg.attributes('aria-label')).toBe('Boxes on page 2')
    const options = svg.findAll('rect[role="option"]')
    expect(options).toHaveLength(onPage2.length)
    for (const option of options) {
      const key = option.attributes('data-key')!
      expect(option.get('title').text()).toBe(labels.get(key))
      expect(option.attributes('aria-label')).toBe(`${labels.get(key)}, page 2`)
    }
    expect(options.filter((o) => o.attributes('tabindex') === '0').map((o) => o.attributes('data-key'))).toEqual([total.key])
    expect(svg.findAll('rect[aria-selected="true"]').map((o) => o.attributes('data-key'))).toEqual([total.key])
    expect(svg.findAll('rect.halo')).toHaveLength(1)
    expect(wrapper.find('[data-focus-ring]').exists()).toBe(false)
  })

  it('shows the focus ring only on the ring box\'s page, and reports clicks, focus and keys', async () => {
    const props = { page: 2, shapes: shapes.filter((s) => s.page === 2), selectedId: null, tabStop: null, labels, ring: total, label: 'Boxes on page 2' }
    const wrapper = mount(PageOverlay, { props })
    expect(wrapper.get('[data-focus-ring]').attributes('style')).toContain(`left: ${total.rect!.left * 100}%`)
    await wrapper.setProps({ page: 1, shapes: shapes.filter((s) => s.page === 1) })
    expect(wrapper.find('[data-focus-ring]').exists()).toBe(false)
    await wrapper.setProps(props)
    const rect = wrapper.get(`rect[data-key="${total.key}"]`)
    await rect.trigger('click')
    await rect.trigger('keydown', { key: 'ArrowDown' })
    await rect.trigger('blur')
    expect(wrapper.emitted('select')).toEqual([[total.targetId]])
    expect(wrapper.emitted('boxKeydown')![0]![1]).toEqual(total)
    expect(wrapper.emitted('boxBlur')).toHaveLength(1)
  })
})

describe('DocumentPageView with an image', () => {
  it('an image page gets the same overlay as a PDF page: named boxes with their tooltips', async () => {
    const wrapper = mount(DocumentPageView, {
      props: { doc, file: { status: 'ready', url: 'http://127.0.0.1/page.png', contentType: 'image/png', size: 1234 }, fileLoading: false, selectedId: null }
    })
    await flushPromises()
    const img = wrapper.get('img').element as HTMLImageElement
    // jsdom loads no image: the size the browser would report for an 850 × 1100 scan.
    Object.defineProperty(img, 'naturalWidth', { value: 850 })
    Object.defineProperty(img, 'naturalHeight', { value: 1100 })
    await wrapper.get('img').trigger('load')
    const options = wrapper.findAll('svg[data-overlay-page="1"] rect[role="option"]')
    expect(options.length).toBeGreaterThan(0)
    for (const option of options) expect(option.get('title').text()).toBe(labels.get(option.attributes('data-key')!))
    wrapper.unmount()
  })
})

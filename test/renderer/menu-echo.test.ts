import { describe, expect, it } from 'vitest'
import { createMenuEchoFilter } from '../../renderer/src/lib/menu-echo'

/* The menu's copy of a key the page already handled is dropped once; real menu commands pass. */

describe('the menu echo filter', () => {
  it('drops the menu command that follows the same key handled in the page, once', () => {
    let t = 0
    const filter = createMenuEchoFilter(() => t, 1000)
    expect(filter.fromMenu('close-task')).toBe(true)
    filter.ranInPage('close-task')
    t = 40
    expect(filter.fromMenu('open-task')).toBe(true)
    expect(filter.fromMenu('close-task')).toBe(false)
    // The next one is a menu click of its own.
    expect(filter.fromMenu('close-task')).toBe(true)
  })

  it('lets the menu command through after another key or click', () => {
    const filter = createMenuEchoFilter(() => 0, 1000)
    filter.ranInPage('open-task')
    filter.userInput()
    expect(filter.fromMenu('open-task')).toBe(true)
  })

  it('lets a menu command through once the key press is long past', () => {
    let t = 0
    const filter = createMenuEchoFilter(() => t, 1000)
    filter.ranInPage('open-task')
    t = 5000
    expect(filter.fromMenu('open-task')).toBe(true)
  })
})

import { warmCueViewApp } from './cue-view-keys'

/*
 * Which components render at Enter in the live cue view, and for how long (wall time, their own
 * render + patch and the children updated inside it): the cue-view-keys flow (a word
 * double-clicked, four letters, Enter) on the 2-hour task after a warm-up round, counting each
 * component's scheduled updates from Enter to 300 ms after it (so the update that removes the
 * leaving field after the paint is counted too). A child updated inside its parent's patch is in
 * the parent's figure, not its own. Counts are what to read on a loaded machine; the times are
 * wall time. Not part of `npm run bench`; `npm run build` first.
 *
 *   node --import tsx test/bench/cue-enter-renders.ts
 *
 * N  Enters (6)
 */

type Inst = { type: { __name?: string; name?: string }; subTree: VNode; effect: { run: () => unknown; benchWrapped?: boolean } }
type VNode = { component?: Inst; children?: unknown }
type Tally = Record<string, [number, number]>

const n = Number(process.env['N'] ?? 6)
const { page, close } = await warmCueViewApp('sdte-cue-renders-')
try {
  // Every mounted component's update effect timed (again after each edit: rows mount and unmount).
  const wrap = (): Promise<number> =>
    page.evaluate(() => {
      const w = window as unknown as { __renders: Tally; __rendersOn: boolean }
      w.__renders ??= {}
      const seen = new Set<Inst>()
      const visit = (v: VNode | null | undefined): void => {
        if (!v || typeof v !== 'object') return
        const inst = v.component
        if (inst && !seen.has(inst)) {
          seen.add(inst)
          const name = inst.type.__name ?? inst.type.name ?? '(anonymous)'
          if (!inst.effect.benchWrapped) {
            const run = inst.effect.run.bind(inst.effect)
            inst.effect.run = () => {
              const t0 = performance.now()
              const out = run()
              if (w.__rendersOn) {
                const tally = (w.__renders[name] ??= [0, 0])
                tally[0]++
                tally[1] += performance.now() - t0
              }
              return out
            }
            inst.effect.benchWrapped = true
          }
          visit(inst.subTree)
        }
        if (Array.isArray(v.children)) for (const c of v.children) visit(c as VNode)
      }
      visit((document.querySelector('#app') as unknown as { _vnode: VNode })._vnode)
      return seen.size
    })
  const totals: Tally = {}
  for (let j = 0; j < n; j++) {
    const onScreen = page.locator(':is([data-index="0"], [data-index="1"], [data-index="2"])[data-testid="cue-row"] .word')
    await onScreen.nth(j % (await onScreen.count())).dblclick()
    await page.locator('input.edit').waitFor()
    await page.keyboard.type(`${String.fromCharCode(97 + j)}qzy`, { delay: 30 })
    await page.waitForTimeout(100)
    const mounted = await wrap()
    await page.evaluate(() => ((window as unknown as { __rendersOn: boolean }).__rendersOn = true))
    await page.keyboard.press('Enter')
    await page.waitForTimeout(300)
    const got = await page.evaluate(() => {
      const w = window as unknown as { __renders: Tally; __rendersOn: boolean }
      w.__rendersOn = false
      const taken = w.__renders
      w.__renders = {}
      return taken
    })
    if (j === 0) console.log(`components mounted: ${mounted}`)
    for (const [name, [count, ms]] of Object.entries(got)) {
      const tally = (totals[name] ??= [0, 0])
      tally[0] += count
      tally[1] += ms
    }
  }
  console.log(`per Enter (${n}): component, scheduled updates, wall ms`)
  for (const [name, [count, ms]] of Object.entries(totals).sort((a, b) => b[1][1] - a[1][1])) console.log(`  ${name.padEnd(24)} ${(count / n).toFixed(1).padStart(5)}  ${(ms / n).toFixed(2).padStart(7)}`)
} finally {
  await close()
}

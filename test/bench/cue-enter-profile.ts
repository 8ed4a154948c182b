import { warmCueViewApp } from './cue-view-keys'

/*
 * Where Enter's time goes in the live cue view, sampled finely: the cue-view-keys flow (a word
 * double-clicked, four letters, Enter) on the 2-hour task after a warm-up round, each Enter under
 * V8's CPU profiler at 50 µs, counting only the samples from the keydown to the task after the
 * frame that shows the word (two marker functions bound the window). Prints self and inclusive
 * time by function per Enter. Not part of `npm run bench`; `npm run build` first.
 *
 *   node --import tsx test/bench/cue-enter-profile.ts
 *
 * N    Enters profiled (12); TOP  inclusive rows printed (70); ALL=1  every sample while profiling
 * SDTE_BENCH_RENDERER_DIR  the build (out/renderer)
 */

type Node = { id: number; parent?: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number } }
const { page, close } = await warmCueViewApp('sdte-cue-enter-')
try {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 })
  const self = new Map<string, number>()
  const incl = new Map<string, number>()
  let totalUs = 0
  const n = Number(process.env['N'] ?? 12)
  for (let j = 0; j < n; j++) {
    const onScreen = page.locator(':is([data-index="0"], [data-index="1"], [data-index="2"], [data-index="3"])[data-testid="cue-row"] .word')
    const word = onScreen.nth((j * 3) % (await onScreen.count()))
    const id = (await word.getAttribute('data-word-id'))!
    const text = `${String.fromCharCode(97 + (j % 26))}qwy`
    await word.dblclick()
    await page.locator('input.edit').waitFor()
    await page.keyboard.type(text, { delay: 30 })
    await page.waitForTimeout(30)
    await cdp.send('Profiler.start')
    await page.evaluate(`(() => { window.__enterDone = false; const spin = (ms) => { const e = performance.now() + ms; while (performance.now() < e); }; function kp3MarkStart() { spin(0.4) } function kp3MarkEnd() { spin(0.4) } window.addEventListener('keydown', () => { kp3MarkStart(); requestAnimationFrame(() => setTimeout(() => { kp3MarkEnd(); window.__enterDone = true }, 0)) }, { once: true, capture: true }) })()`)
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => (window as unknown as { __enterDone: boolean }).__enterDone)
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } }
    await page.waitForFunction((want) => document.querySelector(`[data-testid="cue-row"] .word[data-word-id="${want.id}"]`)?.textContent === want.text, { id, text })
    await page.waitForTimeout(300)
    const byId = new Map(profile.nodes.map((x) => [x.id, x]))
    const parent = new Map<number, number>()
    for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id)
    const key = (x: Node): string => `${x.callFrame.functionName || '(anon)'} ${x.callFrame.url.replace(/.*\//, '')}:${x.callFrame.lineNumber}`
    let tcur = 0
    const times = profile.timeDeltas.map((d) => (tcur += d))
    const under = (sid: number, name: string): boolean => {
      for (let m: Node | undefined = byId.get(sid); m; m = parent.has(m.id) ? byId.get(parent.get(m.id)!) : undefined) if (m.callFrame.functionName === name) return true
      return false
    }
    const at = (name: string): number => times[profile.samples.findIndex((sid) => under(sid, name))] ?? -1
    const a = at('kp3MarkStart')
    const b = at('kp3MarkEnd')
    profile.samples.forEach((sid, i) => {
      const x = byId.get(sid)!
      if (process.env['ALL'] !== '1' && (times[i] < a || times[i] > b)) return
      const dt = profile.timeDeltas[i + 1] ?? 50
      if (/\((idle|program)\)/.test(x.callFrame.functionName)) return
      totalUs += dt
      self.set(key(x), (self.get(key(x)) ?? 0) + dt)
      const seen = new Set<string>()
      for (let m: Node | undefined = x; m; m = parent.has(m.id) ? byId.get(parent.get(m.id)!) : undefined) seen.add(key(m))
      for (const k of seen) incl.set(k, (incl.get(k) ?? 0) + dt)
    })
  }
  const ms = (us: number): string => (us / 1000 / n).toFixed(2).padStart(7)
  console.log(`per Enter, ms (sampled, ${n} Enters): total ${ms(totalUs)}`)
  console.log('self:')
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 35)) console.log(`${ms(v)}  ${k}`)
  console.log('inclusive:')
  for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env['TOP'] ?? 70))) console.log(`${ms(v)}  ${k}`)
} finally {
  await close()
}

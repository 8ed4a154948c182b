/** Milliseconds as m:ss.t (h:mm:ss.t past an hour): integer arithmetic, correct past 24 hours. */
export function formatTimecode(ms: number): string {
  const tenths = Math.floor(Math.max(0, Math.round(ms)) / 100)
  const t = tenths % 10
  const total = Math.floor(tenths / 10)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const mmss = `${h > 0 ? String(m).padStart(2, '0') : m}:${String(s).padStart(2, '0')}.${t}`
  return h > 0 ? `${h}:${mmss}` : mmss
}

/** Parses "h:mm:ss.t", "m:ss(.fff)" or plain seconds into milliseconds; null when unreadable. */
export function parseTimecode(text: string): number | null {
  const m = /^\s*(?:(\d+):)?(?:(\d+):)?(\d+(?:\.\d{1,3})?)\s*$/.exec(text)
  if (!m) return null
  const parts = [m[1], m[2]].filter((p): p is string => p !== undefined).map(Number)
  const seconds = Number(m[3])
  let total = seconds
  if (parts.length === 2) total += parts[0] * 3600 + parts[1] * 60
  else if (parts.length === 1) total += parts[0] * 60
  return Math.round(total * 1000)
}

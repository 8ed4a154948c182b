/** The words of an SRT file: cue text lines, without dialogue dashes. */
export function srtTokens(srt: string): string[] {
  const out: string[] = []
  for (const block of srt.split(/\n\n+/)) {
    const lines = block.split('\n').filter((l) => l !== '')
    if (lines.length < 2) continue
    if (!/^\d+$/.test(lines[0]) || !/-->/.test(lines[1])) throw new Error(`not an SRT block: ${JSON.stringify(block)}`)
    const text = lines.slice(2)
    // A two-speaker cue marks each line with a dialogue dash ("-" or "- " by preset).
    const dialogue = text.length > 1 && text.every((l) => l.startsWith('-'))
    for (const line of text) out.push(...(dialogue ? line.replace(/^- ?/, '') : line).split(/\s+/).filter(Boolean))
  }
  return out
}

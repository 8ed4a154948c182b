// Browser stand-in for node:path: slate-transcript-editor only calls basename and extname on the media URL.
const base = (p) => String(p).split(/[\\/]/).pop() ?? ''

/** Last path segment, without `ext` when it ends with it. */
export function basename(p, ext) {
  const b = base(p)
  return ext && b.endsWith(ext) ? b.slice(0, -ext.length) : b
}

/** The extension of the last path segment, with its dot ('' when none). */
export function extname(p) {
  const b = base(p)
  const dot = b.lastIndexOf('.')
  return dot > 0 ? b.slice(dot) : ''
}

export default { basename, extname }

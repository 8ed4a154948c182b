// Browser stand-in for node:assert: difflib (slate-transcript-editor's word aligner) asserts invariants.
/** Throws when `value` is falsy, as node:assert does. */
export default function assert(value, message) {
  if (!value) throw new Error(message ?? 'assertion failed')
}

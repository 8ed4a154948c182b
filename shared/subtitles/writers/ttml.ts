import type { SubtitleTrack } from '../types'
import { formatVttTime } from '../../time'
import { escapeXml } from './escape'
import type { SpeakerNames } from './speakers'

/** TTML options. */
export interface TtmlOptions {
  /** BCP 47 language of the text, `xml:lang` on the root. */
  readonly language?: string
  readonly title?: string
  /** Speaker names, written as `ttm:agent`s the paragraphs point at. */
  readonly speakerName?: SpeakerNames
}

/**
 * TTML in the IMSC1 text profile: `tt` root with the TTML namespaces and
 * `ttp:profile=".../imsc1/text"`, head with styling and a bottom region, body/div/p with
 * clock-time begin/end (hours unbounded, so past 24 h is fine), each line a span on a dark box,
 * `<br/>` between lines. The profile is signalled with IMSC 1.0.1's `ttp:profile`, which IMSC 1.1
 * processors accept too; not with `ttp:contentProfiles`, a TTML2 attribute that TTML1-based
 * validators reject. Speakers are `ttm:agent`s in the head, referenced from each paragraph.
 */
export function writeTtml(track: SubtitleTrack, options: TtmlOptions = {}): string {
  const lang = escapeXml(options.language ?? 'en')
  const agents = new Map<string, string>()
  for (const cue of track.cues) {
    for (const id of cue.lineSpeakers) {
      const name = id !== null && options.speakerName ? options.speakerName(id) : null
      if (id !== null && name && !agents.has(id)) agents.set(id, name)
    }
  }
  const agentIds = new Map([...agents.keys()].map((id, k) => [id, `speaker${k + 1}`]))
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" xmlns:tts="http://www.w3.org/ns/ttml#styling" xmlns:ttm="http://www.w3.org/ns/ttml#metadata" xmlns:ittp="http://www.w3.org/ns/ttml/profile/imsc1#parameter" ttp:profile="http://www.w3.org/ns/ttml/profile/imsc1/text" ttp:timeBase="media" xml:lang="${lang}">`,
    '  <head>',
    '    <metadata>'
  ]
  if (options.title) out.push(`      <ttm:title>${escapeXml(options.title)}</ttm:title>`)
  for (const [id, name] of agents) {
    out.push(`      <ttm:agent xml:id="${agentIds.get(id)}" type="person"><ttm:name type="full">${escapeXml(name)}</ttm:name></ttm:agent>`)
  }
  out.push(
    '    </metadata>',
    '    <styling>',
    '      <style xml:id="default" tts:fontFamily="proportionalSansSerif" tts:fontSize="100%" tts:lineHeight="125%" tts:textAlign="center" tts:color="white"/>',
    // TTML colours take alpha as 0-255 (not CSS's 0-1); the box goes behind the text only,
    // on spans (tts:backgroundColor is not inherited, so on body it would fill the region).
    '      <style xml:id="text" tts:backgroundColor="rgba(0,0,0,204)"/>',
    '    </styling>',
    '    <layout>',
    '      <region xml:id="bottom" tts:origin="10% 70%" tts:extent="80% 20%" tts:displayAlign="after" tts:textAlign="center"/>',
    '    </layout>',
    '  </head>',
    '  <body region="bottom" style="default">',
    '    <div>'
  )
  for (const cue of track.cues) {
    const ids = [...new Set(cue.lineSpeakers.filter((id): id is string => id !== null && agentIds.has(id)))].map((id) => agentIds.get(id))
    const agent = cue.kind === 'speech' && ids.length ? ` ttm:agent="${ids.join(' ')}"` : ''
    const text = cue.lines.map((l) => `<span style="text">${escapeXml(l)}</span>`).join('<br/>')
    out.push(`      <p begin="${formatVttTime(cue.startMs)}" end="${formatVttTime(cue.endMs)}"${agent}>${text}</p>`)
  }
  out.push('    </div>', '  </body>', '</tt>', '')
  return out.join('\n')
}

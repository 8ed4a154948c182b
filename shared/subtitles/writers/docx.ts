import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import type { TranscriptModel } from '../../transcript/model'
import type { TranscriptOptions } from './transcript'
import { transcriptParagraphs } from './transcript'

/** DOCX options: the transcript's, plus a title. */
export interface DocxOptions extends TranscriptOptions {
  readonly title?: string
}

/**
 * A DOCX transcript through the `docx` library: a title, then one Word paragraph per transcript
 * paragraph (grey timecode, bold speaker label, text). Packed as a Uint8Array, not a Node
 * Buffer, so it runs in shared/ (renderer and main alike).
 */
export async function writeDocx(model: TranscriptModel, options: DocxOptions = {}): Promise<Uint8Array> {
  const children: Paragraph[] = []
  if (options.title) children.push(new Paragraph({ text: options.title, heading: HeadingLevel.HEADING_1 }))
  for (const p of transcriptParagraphs(model, options)) {
    const runs: TextRun[] = []
    if (p.timecode) runs.push(new TextRun({ text: `[${p.timecode}] `, color: '808080' }))
    if (p.label) runs.push(new TextRun({ text: `${p.label} `, bold: true }))
    runs.push(new TextRun({ text: p.text, italics: p.kind === 'annotation' }))
    children.push(new Paragraph({ children: runs, spacing: { after: 160 } }))
  }
  const doc = new Document({
    creator: 'SD Transcript Editor',
    title: options.title ?? 'Transcript',
    sections: [{ children }]
  })
  return Packer.pack(doc, 'uint8array')
}

import { extname } from 'node:path'

/*
 * Media types by extension and by content. Chromium picks its demuxer from the bytes, but the
 * Content-Type we answer with still decides whether <audio>/<video> tries at all, so it must be
 * a type Chromium accepts for each container we serve.
 */

/** Content types of the containers the editor plays, by lower-case extension (no dot). */
export const mediaContentTypes: Readonly<Record<string, string>> = {
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  webm: 'video/webm',
  weba: 'audio/webm',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  flac: 'audio/flac'
}

/** The lower-case extension of `path` without its dot ('' when none). */
export function extensionOf(path: string): string {
  return extname(path).slice(1).toLowerCase()
}

/** The media content type for a file path, or null when the extension is not one we play. */
export function contentTypeForPath(path: string): string | null {
  return mediaContentTypes[extensionOf(path)] ?? null
}

/** A content type for any path: the media type, or application/octet-stream. */
export function contentTypeOrDefault(path: string): string {
  return contentTypeForPath(path) ?? 'application/octet-stream'
}

/** The extension we store a download under for a response Content-Type, or null when unknown. */
export function extensionForContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null
  const type = contentType.split(';')[0]!.trim().toLowerCase()
  const aliases: Record<string, string> = {
    'audio/mpeg': 'mp3',
    'audio/mp3': 'mp3',
    'audio/mp4': 'm4a',
    'audio/x-m4a': 'm4a',
    'audio/aac': 'aac',
    'audio/wav': 'wav',
    'audio/x-wav': 'wav',
    'audio/wave': 'wav',
    'audio/vnd.wave': 'wav',
    'audio/ogg': 'ogg',
    'audio/opus': 'opus',
    'audio/webm': 'weba',
    'video/webm': 'webm',
    'video/mp4': 'mp4',
    'audio/flac': 'flac',
    'audio/x-flac': 'flac'
  }
  return aliases[type] ?? null
}

/** A container family recognised from a file's first bytes. */
export type MediaFamily = 'wav' | 'mp3' | 'ogg' | 'flac' | 'mp4' | 'webm' | 'aac'

const familyOfExtension: Readonly<Record<string, MediaFamily>> = {
  wav: 'wav',
  mp3: 'mp3',
  ogg: 'ogg',
  oga: 'ogg',
  opus: 'ogg',
  flac: 'flac',
  m4a: 'mp4',
  mp4: 'mp4',
  m4v: 'mp4',
  webm: 'webm',
  weba: 'webm',
  aac: 'aac'
}

const defaultExtensionOfFamily: Readonly<Record<MediaFamily, string>> = {
  wav: 'wav',
  mp3: 'mp3',
  ogg: 'ogg',
  flac: 'flac',
  mp4: 'mp4',
  webm: 'webm',
  aac: 'aac'
}

/**
 * The container family of a file from its first bytes (at least 12), or null when the bytes
 * are not a container we play. Used to reject a file a reviewer picks that merely has a media
 * extension (a renamed document, an empty file).
 */
export function sniffMediaFamily(head: Uint8Array): MediaFamily | null {
  const ascii = (start: number, text: string): boolean =>
    head.length >= start + text.length && [...text].every((c, i) => head[start + i] === c.charCodeAt(0))
  if (ascii(0, 'RIFF') && ascii(8, 'WAVE')) return 'wav'
  if (ascii(0, 'OggS')) return 'ogg'
  if (ascii(0, 'fLaC')) return 'flac'
  if (ascii(4, 'ftyp')) return 'mp4'
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'webm'
  if (ascii(0, 'ID3')) return 'mp3'
  if (head.length >= 2 && head[0] === 0xff) {
    // ADTS (AAC) has layer bits 00; MPEG audio frames (mp3) have a non-zero layer.
    const second = head[1]!
    if ((second & 0xf6) === 0xf0) return 'aac'
    if ((second & 0xe0) === 0xe0 && (second & 0x06) !== 0) return 'mp3'
  }
  return null
}

/**
 * The extension and content type to use for a file whose bytes sniffed as `family`: the file's
 * own extension when it belongs to that family (m4a stays audio, mp4 stays video), else the
 * family's default.
 */
export function typeForFamily(family: MediaFamily, path: string): { extension: string; contentType: string } {
  const ext = extensionOf(path)
  const extension = familyOfExtension[ext] === family ? ext : defaultExtensionOfFamily[family]
  return { extension, contentType: mediaContentTypes[extension]! }
}

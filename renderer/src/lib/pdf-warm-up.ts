/*
 * A one-page PDF made here and painted off screen while the document pane idles, so that the
 * reviewer's first document does not pay for pdf.js's first run. Profiled on the 100-page
 * document (test/bench/document-profile.ts, thread CPU from the trace): with pdf.js and its worker
 * already loaded, the first open of a fresh page still cost ~70 ms more main-thread CPU and ~50 ms
 * more worker CPU than the third — the worker's parser, content-stream and font code running for
 * the first time (not yet optimised), the main thread's canvas drawing code likewise, and the
 * system font behind a PDF's standard Helvetica looked up and loaded (loadSystemFont, ~30 ms). The
 * page below walks the same paths: a Flate content stream, text in Helvetica and Helvetica-Bold at
 * the sizes forms use, accented Latin-1 text, stroked and filled rectangles.
 */

/** Text drawn on the page: every printable ASCII character and the accented letters of Portuguese. */
const sample = [
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz',
  '0123456789 .,:;!?-+*/=%&$#@()[]<>_ Page 1 of 1',
  // ã á à â ç é ê í ó ô õ ú Ç É in WinAnsiEncoding (octal escapes: the file stays ASCII).
  'Fatura n\\272 12: a\\347\\343o \\341 \\340 \\342 \\351 \\352 \\355 \\363 \\364 \\365 \\372 \\307 \\311'
]

/** The page's content stream: a title, lines of text at several sizes, ruled boxes. */
function content(): string {
  const ops: string[] = ['0.1 0.1 0.12 rg', 'BT /F2 16 Tf 43 630 Td (Invoice 0001) Tj ET']
  let y = 600
  for (const size of [8, 9, 10, 12]) {
    for (const line of sample) {
      ops.push(`BT /F1 ${size} Tf 43 ${y} Td (${line}) Tj ET`)
      y -= size + 4
    }
  }
  ops.push('0.6 G 0.6 w 40 200 240 20 re S 0.3 G 40 170 240 20 re S', '0.9 0.9 0.9 rg 300 170 120 50 re f', '0 0 0 rg 320 180 20 20 re f')
  return ops.join('\n')
}

/** Deflated with the browser's own zlib (FlateDecode), or left plain where there is no CompressionStream. */
async function deflate(text: string): Promise<{ bytes: Uint8Array; filter: string }> {
  const raw = new TextEncoder().encode(text)
  if (typeof CompressionStream !== 'function') return { bytes: raw, filter: '' }
  const stream = new Blob([raw]).stream().pipeThrough(new CompressionStream('deflate'))
  return { bytes: new Uint8Array(await new Response(stream).arrayBuffer()), filter: ' /Filter /FlateDecode' }
}

/** The warm-up PDF's bytes: five objects, a cross-reference table with their true offsets. */
export async function warmUpPdf(): Promise<Uint8Array> {
  const stream = await deflate(content())
  const encoder = new TextEncoder()
  const objects: Array<Uint8Array[]> = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>'
  ].map((body) => [encoder.encode(body)])
  objects.push([encoder.encode(`<< /Length ${stream.bytes.length}${stream.filter} >>\nstream\n`), stream.bytes, encoder.encode('\nendstream')])
  const parts: Uint8Array[] = [encoder.encode('%PDF-1.7\n')]
  let offset = parts[0]!.length
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(offset)
    for (const part of [encoder.encode(`${i + 1} 0 obj\n`), ...body, encoder.encode('\nendobj\n')]) {
      parts.push(part)
      offset += part.length
    }
  })
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)]
  parts.push(encoder.encode(`${xref.join('\n')}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`))
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

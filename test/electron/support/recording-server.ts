import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/*
 * A real HTTP server on 127.0.0.1 that records every request it receives (method, path,
 * headers, body) before a test-supplied handler answers. "Host B receives nothing" is asserted
 * on its log, not on what the client says it did.
 */

/** One request as the server saw it. */
export interface RecordedRequest {
  readonly method: string
  readonly url: string
  readonly headers: IncomingMessage['headers']
  readonly body: string
}

/** Answers a request; gets the raw response so it can redirect, stall or reset the socket. */
export type RecordingHandler = (request: RecordedRequest, res: ServerResponse) => void

/** A running recording server. */
export interface RecordingServer {
  /** `http://127.0.0.1:<port>`. */
  readonly baseUrl: string
  readonly host: string
  readonly requests: RecordedRequest[]
  /** Everything received, joined, for "never contains the secret" assertions. */
  everything(): string
  close(): Promise<void>
}

/** Starts a recording server; the default handler answers 401 to everything. */
export async function startRecordingServer(handler: RecordingHandler = (_r, res) => res.writeHead(401).end()): Promise<RecordingServer> {
  const requests: RecordedRequest[] = []
  const sockets = new Set<Socket>()
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      requests.push(recorded)
      handler(recorded, res)
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    everything: () => requests.map((r) => `${r.method} ${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`).join('\n'),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

import type { CustomScheme } from 'electron'
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, join, sep } from 'node:path'
import type { RequestHandler } from '../services/media/range-response'
import { contentSecurityPolicy } from './security'

/*
 * The renderer's home: `app://sdte/…`, answered only from the built renderer folder.
 *
 * Loaded from file://, the page's CSP 'self' matched every local file (a script from any folder,
 * or the media cache's server-controlled bytes, would run as the app). A privileged scheme of its
 * own gives the page a real origin, and this handler serves nothing outside out/renderer: no
 * `..` (plain or percent-encoded), no symlink that resolves outside (realpath check). The CSP
 * travels as a response header. Electron-free (a Request → Response function, like
 * media-routes.ts), so it is tested without Electron; index.ts mounts it with protocol.handle.
 */

/** The scheme the renderer is served from. */
export const appScheme = 'app'

/** The renderer's origin in the packaged app (also what sdte-media answers CORS for). */
export const appOrigin = `${appScheme}://sdte`

/** The page the main window loads. */
export const appEntryUrl = `${appOrigin}/index.html`

/**
 * Privileges for the app scheme (registered before `ready`): `standard` for relative URLs, an
 * origin and storage; `secure` so it counts as a secure context; fetch for pdf.js's worker and
 * code cache for start-up. No CSP bypass and no service workers.
 */
export const appSchemePrivileges: CustomScheme['privileges'] = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
  bypassCSP: false,
  allowServiceWorkers: false
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream'
}

/** Headers on every answer: the page policy, and no content sniffing of what we label. */
function baseHeaders(): Headers {
  return new Headers({ 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' })
}

function refuse(status: number): Response {
  return new Response(null, { status, headers: baseHeaders() })
}

/** The path segments of a request, or null when any could step outside the folder. */
function safeSegments(pathname: string): string[] | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  // After decoding, `%2e%2e`, `..%2f` and `%5c` are plain dots, slashes and backslashes again.
  if (/[\\\0]/.test(decoded)) return null
  const segments = decoded.split('/').filter((segment) => segment !== '')
  if (segments.some((segment) => segment === '.' || segment === '..')) return null
  return segments.length === 0 ? ['index.html'] : segments
}

/** Builds the app scheme's handler serving files from `rendererDir` only. */
export function createAppRoutes(rendererDir: string): RequestHandler {
  let root: Promise<string> | null = null
  return async (request) => {
    const method = request.method.toUpperCase()
    if (method !== 'GET' && method !== 'HEAD') {
      const response = refuse(405)
      response.headers.set('Allow', 'GET, HEAD')
      return response
    }
    const segments = safeSegments(new URL(request.url).pathname)
    if (!segments) return refuse(403)
    // Resolved once: the folder itself may be reached through a symlink (a worktree, a mount).
    root ??= realpath(rendererDir)
    let file: string
    try {
      const rootPath = await root
      file = await realpath(join(rootPath, ...segments))
      // A symlink inside the folder that leads out of it is refused like `..`.
      if (!file.startsWith(rootPath + sep)) return refuse(403)
      if (!(await stat(file)).isFile()) return refuse(404)
    } catch {
      return refuse(404)
    }
    const body = await readFile(file)
    const headers = baseHeaders()
    headers.set('Content-Type', contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream')
    headers.set('Content-Length', String(body.byteLength))
    headers.set('Cache-Control', 'no-cache')
    return new Response(method === 'HEAD' ? null : body, { status: 200, headers })
  }
}

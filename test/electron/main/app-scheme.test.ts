import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { appOrigin, appSchemePrivileges, createAppRoutes } from '../../../electron/main/app-scheme'
import { contentSecurityPolicy } from '../../../electron/main/security'

/*
 * No file outside the renderer folder: the app:// handler answers only files inside the built
 * renderer folder, with the CSP as a header. A real temp folder: the renderer, a secret beside it,
 * and symlinks out.
 */
let base: string
let rendererDir: string
const secret = 'SECRET-BYTES-FROM-THE-MEDIA-CACHE'

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'sdte-app-scheme-'))
  rendererDir = join(base, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>')
  await writeFile(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)')
  await writeFile(join(rendererDir, 'assets', 'a b.css'), 'p{}')
  await mkdir(join(base, 'media-cache'))
  await writeFile(join(base, 'media-cache', 'evil.js'), secret)
  await writeFile(join(base, 'secret.txt'), secret)
  // Symlinks inside the folder: one leading out (file and folder), one staying in.
  await symlink(join(base, 'secret.txt'), join(rendererDir, 'assets', 'leak.js'))
  await symlink(join(base, 'media-cache'), join(rendererDir, 'cache'))
  await symlink(join(rendererDir, 'assets', 'index-abc.js'), join(rendererDir, 'alias.js'))
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

const get = (path: string, init?: RequestInit) => createAppRoutes(rendererDir)(new Request(`${appOrigin}${path}`, init))

describe('the app:// scheme handler', () => {
  it('serves the renderer with the CSP header and a content type', async () => {
    const response = await get('/index.html')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('<title>app</title>')
    const script = await get('/assets/index-abc.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('console.log(1)')
    expect(await (await get('/')).text()).toContain('<title>app</title>')
    expect(await (await get('/assets/a%20b.css')).text()).toBe('p{}')
    // A symlink that stays inside the folder is fine.
    expect(await (await get('/alias.js')).text()).toBe('console.log(1)')
  })

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/leak.js',
    '/cache/evil.js',
    '/%00index.html',
    '/%E0%A4%A',
    '/assets',
    '/missing.js'
  ])('refuses %s and leaks nothing', async (path) => {
    const response = await get(path)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(await response.text()).not.toContain(secret)
    // Even a refusal carries the policy.
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
  })

  it('refuses a symlink out with 403 and an encoded `..` before touching the disk', async () => {
    expect((await get('/assets/leak.js')).status).toBe(403)
    expect((await get('/cache/evil.js')).status).toBe(403)
    expect((await get('/assets/..%2f..%2fsecret.txt')).status).toBe(403)
    expect((await get('/missing.js')).status).toBe(404)
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('/index.html', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String('<!doctype html><title>app</title>'.length))
    const post = await get('/index.html', { method: 'POST', body: 'x' })
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET, HEAD')
  })

  it('is registered as a secure standard scheme that cannot bypass the CSP', () => {
    expect(appSchemePrivileges).toMatchObject({ standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false })
  })
})

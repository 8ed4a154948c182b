import { describe, expect, it } from 'vitest'
import type { Session, WebContents } from 'electron'
import { FakeSession, FakeWebContents, shell } from '../support/fake-electron'
import { contentSecurityPolicy, hardenSession, hardenWebContents, isSafeExternalUrl, openExternalSafely, secureWebPreferences } from '../../../electron/main/security'
import { mainWindowOptions } from '../../../electron/main/window'
import { createOriginCheck } from '../../../electron/main/app-origin'

describe('window hardening', () => {
  it('creates the main window isolated, sandboxed and without Node', () => {
    const options = mainWindowOptions({ width: 1000, height: 700, maximized: false }, '/app/out/preload/index.cjs')
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false
    })
    expect(options.width).toBe(1000)
    expect(options.show).toBe(false)
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toEqual(options.webPreferences)
  })

  it('denies navigation away from the app, new windows and webviews', () => {
    const contents = new FakeWebContents()
    shell.opened.length = 0
    hardenWebContents(contents as unknown as WebContents, shell, createOriginCheck(['app://sdte', 'http://localhost:5173']))
    expect(contents.emitCancellable('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.emitCancellable('will-navigate', 'app://sdte/index.html')).toBe(false)
    expect(contents.emitCancellable('will-navigate', 'http://localhost:5173/index.html')).toBe(false)
    // Look-alike origins: these passed the old string-prefix check.
    expect(contents.emitCancellable('will-navigate', 'http://localhost:5173@evil.example/')).toBe(true)
    expect(contents.emitCancellable('will-navigate', 'http://localhost:51730/')).toBe(true)
    expect(contents.emitCancellable('will-navigate', 'file:///tmp/elsewhere/index.html')).toBe(true)
    expect(contents.emitCancellable('will-redirect', 'http://evil.example/')).toBe(true)
    expect(contents.emitCancellable('will-attach-webview')).toBe(true)
    expect(contents.windowOpenHandler?.({ url: 'https://docs.smartdocumentor.net/' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
  })

  it('opens only https links outside the app, through one checked function', async () => {
    shell.opened.length = 0
    expect(await openExternalSafely(shell, 'https://docs.smartdocumentor.net/')).toBe(true)
    for (const url of ['http://x.test', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@x.test/', 'not a url']) {
      expect(await openExternalSafely(shell, url)).toBe(false)
    }
    expect(shell.opened).toEqual(['https://docs.smartdocumentor.net/'])
    expect(isSafeExternalUrl('HTTPS://EXAMPLE.COM')).toBe(true)
  })

  it('denies every permission request and check and sets the CSP header', () => {
    const session = new FakeSession()
    hardenSession(session as unknown as Session)
    const answers: boolean[] = []
    session.permissionRequestHandler?.(null, 'media', (allowed: boolean) => answers.push(allowed))
    session.permissionRequestHandler?.(null, 'notifications', (allowed: boolean) => answers.push(allowed))
    expect(answers).toEqual([false, false])
    expect(session.permissionCheckHandler?.(null, 'media')).toBe(false)
    let headers: Record<string, string[]> = {}
    session.headersHandler?.({ responseHeaders: { 'x-a': ['1'] } }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders))
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy])
    expect(headers['x-a']).toEqual(['1'])
  })

  it('has a CSP without unsafe script sources', () => {
    expect(contentSecurityPolicy).toContain("script-src 'self'")
    expect(contentSecurityPolicy).not.toMatch(/script-src[^;]*unsafe/)
    expect(contentSecurityPolicy).toContain("object-src 'none'")
  })
})

describe('the renderer page policy', () => {
  it('is the same policy as the header (file:// pages get only the meta tag)', async () => {
    const { readFile } = await import('node:fs/promises')
    const html = await readFile(new URL('../../../renderer/index.html', import.meta.url), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBeDefined()
    const directives = (policy: string) =>
      new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values.sort().join(' ')]))
    const header = directives(contentSecurityPolicy)
    // A meta tag cannot carry frame-ancestors (CSP3 §6.4.1); everything else must match.
    header.delete('frame-ancestors')
    expect(directives(meta!)).toEqual(header)
  })
})

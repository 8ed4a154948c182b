import { describe, expect, it } from 'vitest'
import { createOriginCheck, trustableOrigin } from '../../../electron/main/app-origin'
import { createSenderCheck } from '../../../electron/main/ipc-dispatcher'

/*
 * Origin checks that a look-alike URL cannot pass: the renderer's origin is compared parsed, never
 * as a string prefix. Every row of the refused table but the first two passed the old
 * `url.startsWith(prefix)` check in development.
 */
const devServer = 'http://localhost:5173'
const isAppUrl = createOriginCheck(['app://sdte', devServer])

describe('origin checks', () => {
  it.each([
    'app://sdte/index.html',
    'app://sdte/',
    'APP://SDTE/assets/index.js',
    'app://sdte/index.html?x=1#y',
    'http://localhost:5173/',
    'http://localhost:5173/src/main.ts'
  ])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true)
  })

  it.each([
    'https://evil.example/',
    'file:///tmp/downloads/index.html',
    'http://localhost:5173@evil.example/',
    'http://localhost:5173@evil.example/index.html',
    'http://localhost:5173.evil.example/',
    'http://localhost:51730/',
    'https://localhost:5173/',
    'app://sdte@evil/',
    'app://user:pw@sdte/',
    'app://sdte.evil/',
    'app://other/index.html',
    'blob:app://sdte/0f1e',
    'data:text/html,<p>x</p>',
    'about:blank',
    '',
    'not a url'
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false)
  })

  it('refuses to trust an entry without an origin (file:// would trust every local file)', () => {
    expect(() => createOriginCheck(['file:///app/renderer/'])).toThrow(/no origin the app can trust/)
    expect(() => createOriginCheck(['http://user@localhost:5173'])).toThrow()
    expect(trustableOrigin('http://LOCALHOST:5173/x')).toBe('http://localhost:5173')
    expect(trustableOrigin('http://localhost:80/')).toBe('http://localhost')
  })

  it('the IPC sender check refuses a dev-server look-alike and sub-frames', () => {
    const check = createSenderCheck(['app://sdte', devServer])
    expect(check({ url: 'http://localhost:5173/', isMainFrame: true })).toBe(true)
    expect(check({ url: 'http://localhost:5173@evil.example/', isMainFrame: true })).toBe(false)
    expect(check({ url: 'app://sdte/index.html', isMainFrame: true })).toBe(true)
    expect(check({ url: 'app://sdte/index.html', isMainFrame: false })).toBe(false)
    expect(check({ url: 'file:///tmp/x/index.html', isMainFrame: true })).toBe(false)
  })
})

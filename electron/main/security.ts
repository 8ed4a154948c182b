import type { WebPreferences, WebContents, Session, Shell } from 'electron'

/*
 * The window hardening in one place (Electron's security checklist; podman-desktop's
 * security-restrictions.ts is the model). Everything here is unit-tested against a fake
 * `electron`, so what main passes is what the tests read.
 */

/** The Content-Security-Policy every renderer page gets (header and meta tag). */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // Vue's scoped styles and wavesurfer set inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: sdte-media:",
  "font-src 'self' data:",
  "media-src 'self' blob: sdte-media:",
  "connect-src 'self' sdte-media:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'"
].join('; ')

/** webPreferences for every window: isolated, sandboxed, no Node. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    spellcheck: true
  }
}

/** True for the only URLs we ever hand to the OS: https links. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === ''
  } catch {
    return false
  }
}

/** The one checked way to open a link outside the app. */
export async function openExternalSafely(shell: Pick<Shell, 'openExternal'>, url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false
  await shell.openExternal(url)
  return true
}

/** Denies navigation away from the app, new windows and webviews; https links go to the browser. */
export function hardenWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>, isAppUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(shell, url)
    return { action: 'deny' }
  })
}

/** Denies every permission request and check, and sets the CSP header on our responses. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy]
      }
    })
  })
}

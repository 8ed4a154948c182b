import { describe, expect, it, vi } from 'vitest'
import type { IpcMain, WebContents } from 'electron'
import { ipcMain, FakeWebContents } from '../support/fake-electron'
import { registerIpcHandlers, sendEvent } from '../../../electron/main/ipc-main'
import { createDispatcher, createSenderCheck } from '../../../electron/main/ipc-dispatcher'
import type { IpcHandlers } from '../../../electron/main/ipc-dispatcher'
import { invokeChannelNames } from '../../../shared/ipc/channels'
import { AppError } from '../../../shared/errors'

function handlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  const fail = () => {
    throw new Error('not used in this test')
  }
  const all = Object.fromEntries(invokeChannelNames.map((c) => [c, fail])) as unknown as IpcHandlers
  return { ...all, 'app:info': () => ({ name: 'n', version: 'v', platform: 'linux' }), ...overrides }
}

const trusted = createSenderCheck(['app://sdte'])
const mainFrame = { url: 'app://sdte/index.html', parent: null }

describe('IPC wrapper', () => {
  it('registers exactly one handler per contract channel and removes them', () => {
    const remove = registerIpcHandlers(ipcMain as unknown as IpcMain, createDispatcher(handlers(), { isTrustedSender: trusted }))
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...invokeChannelNames].sort())
    remove()
    expect(ipcMain.handlers.size).toBe(0)
  })

  it('passes the sender frame through the check and returns values as data', async () => {
    const remove = registerIpcHandlers(ipcMain as unknown as IpcMain, createDispatcher(handlers(), { isTrustedSender: trusted }))
    try {
      const handle = ipcMain.handlers.get('app:info')!
      expect(await handle({ senderFrame: mainFrame }, undefined)).toEqual({ ok: true, value: { name: 'n', version: 'v', platform: 'linux' } })
      expect(await handle({ senderFrame: { url: 'https://evil.example/', parent: null } }, undefined)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
      expect(await handle({ senderFrame: { url: 'app://sdte/index.html', parent: mainFrame } }, undefined)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
      expect(await handle({ senderFrame: { url: 'file:///app/renderer/index.html', parent: null } }, undefined)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
      expect(await handle({ senderFrame: null }, undefined)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    } finally {
      remove()
    }
  })

  it('rejects a payload that fails its schema before the service runs', async () => {
    const service = vi.fn()
    const dispatch = createDispatcher(handlers({ 'settings:setRequestTimeout': service }), { isTrustedSender: trusted })
    const sender = { url: 'app://sdte/index.html', isMainFrame: true }
    for (const bad of [undefined, {}, { seconds: 'x' }, { seconds: 30, more: true }, 30, { seconds: 1e9 }]) {
      const result = await dispatch('settings:setRequestTimeout', bad, sender)
      expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    }
    expect(service).not.toHaveBeenCalled()
    expect(await dispatch('no:such', undefined, sender)).toMatchObject({ ok: false, error: { code: 'bad_request' } })
  })

  it('turns service failures into error codes, keeping AppError codes and messages', async () => {
    const onError = vi.fn()
    const dispatch = createDispatcher(
      handlers({
        'auth:status': () => {
          throw new AppError('network', 'The server cannot be reached.')
        },
        'tasks:recent': async () => {
          throw new Error('disk on fire')
        }
      }),
      { isTrustedSender: trusted, onError }
    )
    const sender = { url: 'app://sdte/index.html', isMainFrame: true }
    expect(await dispatch('auth:status', undefined, sender)).toEqual({ ok: false, error: { code: 'network', message: 'The server cannot be reached.' } })
    expect(await dispatch('tasks:recent', undefined, sender)).toEqual({ ok: false, error: { code: 'io', message: 'disk on fire' } })
    expect(onError).toHaveBeenCalledTimes(2)
  })

  it('sends typed events only to live windows', () => {
    const contents = new FakeWebContents()
    sendEvent(contents as unknown as WebContents, 'menu:command', 'open-task')
    contents.destroyed = true
    sendEvent(contents as unknown as WebContents, 'menu:command', 'export')
    expect(contents.sent).toEqual([['menu:command', 'open-task']])
  })
})

import type { Result } from '../../shared/errors'
import { AppError, toErrorData } from '../../shared/errors'
import type { InvokeChannel, ReplyOf, ValidRequestOf } from '../../shared/ipc/contract'
import { invokeContract, isInvokeChannel } from '../../shared/ipc/contract'
import { describeSchemaError } from '../../shared/api/schema-issues'
import { createOriginCheck } from './app-origin'

/*
 * The core of the IPC wrapper, free of Electron so the end-to-end harness can run the very same
 * code behind a Playwright binding. Order matters: sender check, channel check, schema check,
 * and only then the service — so a payload that fails its schema never reaches a service.
 */

/** What main knows about the frame that sent a call. */
export interface SenderInfo {
  readonly url: string
  readonly isMainFrame: boolean
}

/** Per-call context handed to a handler. */
export interface CallContext {
  readonly sender: SenderInfo
}

/** One handler per channel; the types come from the contract. */
export type IpcHandlers = {
  readonly [C in InvokeChannel]: (request: ValidRequestOf<C>, context: CallContext) => Promise<ReplyOf<C>> | ReplyOf<C>
}

/** Options for `createDispatcher`. */
export interface DispatcherOptions {
  readonly isTrustedSender: (sender: SenderInfo) => boolean
  /** Called with failures for the log; messages are already free of secrets by construction. */
  readonly onError?: (channel: string, code: string, message: string) => void
}

/** Turns (channel, payload, sender) into a `Result`, never a throw. */
export type Dispatch = (channel: string, payload: unknown, sender: SenderInfo) => Promise<Result<unknown>>

/** Builds the dispatcher that main's `ipcMain.handle` wrapper and the e2e harness both call. */
export function createDispatcher(handlers: IpcHandlers, options: DispatcherOptions): Dispatch {
  return async (channel, payload, sender) => {
    try {
      if (!options.isTrustedSender(sender)) {
        throw new AppError('unauthorized', 'This call came from a frame that is not part of the app.')
      }
      if (!isInvokeChannel(channel)) throw new AppError('bad_request', `Unknown channel ${channel}.`)
      const parsed = invokeContract[channel].request.safeParse(payload)
      if (!parsed.success) {
        throw new AppError('bad_request', `Invalid request for ${channel}: ${describeSchemaError(parsed.error)}`, { reason: 'request_invalid', params: { channel } })
      }
      const handler = handlers[channel] as (request: unknown, context: CallContext) => unknown
      const value = await handler(parsed.data, { sender })
      return { ok: true, value }
    } catch (error) {
      const data = toErrorData(error)
      options.onError?.(channel, data.code, data.message)
      return { ok: false, error: data }
    }
  }
}

/**
 * A sender check that accepts only the top-level frame of our own renderer: a page on the app
 * scheme's origin, or the dev server's in development (vscode's validateEvent does the same).
 * Origins are compared parsed (app-origin.ts), never as string prefixes.
 */
export function createSenderCheck(allowedOrigins: readonly string[]): (sender: SenderInfo) => boolean {
  const isAppUrl = createOriginCheck(allowedOrigins)
  return (sender) => sender.isMainFrame && isAppUrl(sender.url)
}

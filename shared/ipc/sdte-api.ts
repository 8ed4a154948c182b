import type { Result } from '../errors'
import type { EventChannel, EventOf, InvokeChannel, ReplyOf, RequestOf } from './contract'
import { eventChannelNames, invokeChannelNames } from './channels'

/*
 * The shape of `window.sdte`, built from the contract by one function used by the real preload
 * (ipcRenderer transport) and by the end-to-end harness (Playwright binding transport). No generic
 * invoke is exposed: one method per channel, and `on` only for the contract's events.
 */

/** How the API reaches main: the only two things a transport must do. */
export interface SdteTransport {
  invoke(channel: InvokeChannel, payload: unknown): Promise<Result<unknown>>
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void
}

/** One method per invoke channel: `sdte.invoke['auth:status']()`. */
export type SdteInvokeMethods = {
  readonly [C in InvokeChannel]: RequestOf<C> extends undefined
    ? () => Promise<Result<ReplyOf<C>>>
    : (request: RequestOf<C>) => Promise<Result<ReplyOf<C>>>
}

/** The API the renderer sees as `window.sdte`. */
export interface SdteApi {
  readonly invoke: SdteInvokeMethods
  /** Subscribe to a main → renderer event; returns the unsubscribe. */
  on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void
}

/** Builds `window.sdte` over a transport. */
export function createSdteApi(transport: SdteTransport): SdteApi {
  const methods: Record<string, (request?: unknown) => Promise<Result<unknown>>> = {}
  for (const channel of invokeChannelNames) {
    methods[channel] = (request?: unknown) => transport.invoke(channel, request)
  }
  const events = new Set<string>(eventChannelNames)
  return Object.freeze({
    invoke: Object.freeze(methods) as unknown as SdteInvokeMethods,
    on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void {
      if (!events.has(event)) throw new Error(`Unknown event ${String(event)}`)
      return transport.subscribe(event, listener as (payload: unknown) => void)
    }
  })
}

import { createSdteApi } from '../../../shared/ipc/sdte-api'
import type { EventChannel, InvokeChannel } from '../../../shared/ipc/contract'
import type { Result } from '../../../shared/errors'
import type { OpenedTranscript } from '../../../shared/ipc/contract'
import type { TranscriptExport } from '../../../shared/api/transcript-export'
import sample from '../../../resources/sample/sample-task.json'

/*
 * A window.sdte for component tests: the real createSdteApi over a transport that answers from
 * a table of handlers and records every call, so a store's IPC traffic can be asserted.
 */

/** One recorded call. */
export interface FakeCall {
  readonly channel: InvokeChannel
  readonly payload: unknown
}

/** The installed fake: its calls, its handlers (replaceable per test) and an event emitter. */
export interface FakeSdte {
  readonly calls: FakeCall[]
  readonly handlers: Partial<Record<InvokeChannel, (payload: unknown) => Result<unknown> | Promise<Result<unknown>>>>
  emit(event: EventChannel, payload: unknown): void
  callsTo(channel: InvokeChannel): unknown[]
}

/** Installs a fresh fake bridge on window and returns it. */
export function installFakeSdte(): FakeSdte {
  const listeners = new Map<string, Set<(p: unknown) => void>>()
  const fake: FakeSdte = {
    calls: [],
    handlers: {
      'app:setUnsaved': () => ({ ok: true, value: undefined }),
      'drafts:save': () => ({ ok: true, value: { savedAt: 1_700_000_000_000 } }),
      'drafts:discard': () => ({ ok: true, value: undefined }),
      'reviewState:load': () => ({ ok: true, value: { state: null, problem: null } }),
      'reviewState:save': () => ({ ok: true, value: { savedAt: 1_700_000_000_000 } })
    },
    emit(event, payload) {
      listeners.get(event)?.forEach((l) => l(payload))
    },
    callsTo(channel) {
      return fake.calls.filter((c) => c.channel === channel).map((c) => c.payload)
    }
  }
  const api = createSdteApi({
    invoke: async (channel, payload) => {
      fake.calls.push({ channel, payload })
      const handler = fake.handlers[channel]
      if (!handler) return { ok: false, error: { code: 'not_found', message: `No fake for ${channel}` } }
      return handler(payload)
    },
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set()
      set.add(listener)
      listeners.set(channel, set)
      return () => set.delete(listener)
    }
  })
  Object.defineProperty(window, 'sdte', { value: api, configurable: true, writable: true })
  return fake
}

/** The bundled sample export (4 segments, 2 speakers, 3 low-confidence words). */
export function sampleExport(): TranscriptExport {
  return structuredClone(sample) as unknown as TranscriptExport
}

/** The sample as main would hand it over after opening. */
export function openedSample(draft: OpenedTranscript['draft'] = null): OpenedTranscript {
  return { origin: 'sample', fileName: 'sample-task.json', data: sampleExport(), exportHash: 'hash-1', draft }
}

import { cueBreachAnswerer } from './cue-breach-protocol'
import type { CueBreachRequest } from './cue-breach-protocol'

/*
 * The cue-breach worker (a module Web Worker, started by cue-breach-client.ts): the review
 * queue's whole-task subtitle cut, off the page's thread. One answer per request, in order (a
 * request may patch the model of the one before: the handler keeps it); the page drops answers a newer request has superseded.
 */

/** The worker's global scope, as much of it as this file uses (the renderer is typed with the DOM lib). */
const scope = self as unknown as { onmessage: ((event: MessageEvent<CueBreachRequest>) => void) | null; postMessage(message: unknown): void }

const answer = cueBreachAnswerer()
scope.onmessage = (event) => scope.postMessage(answer(event.data))

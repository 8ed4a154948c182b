import { common } from './common'
import { errors } from './errors'
import { signIn } from './sign-in'
import { openTask } from './open-task'
import { start } from './start'
import { cueView } from './cue-view'

/** The English catalogue: one entry per area of the app (the reference every translation follows). */
export const en = { common, start, signIn, openTask, errors, cueView }

import type { MessageShape } from '../../shape'
import type { en } from '../en'
import { common } from './common'
import { errors } from './errors'
import { signIn } from './sign-in'
import { openTask } from './open-task'
import { start } from './start'
import { cueView } from './cue-view'

/** O catálogo em português europeu: as mesmas áreas e chaves do inglês (verificado pelo tipo). */
export const ptPT: MessageShape<typeof en> = { common, start, signIn, openTask, errors, cueView }

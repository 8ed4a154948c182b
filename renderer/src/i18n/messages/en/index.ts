import { common } from './common'
import { errors } from './errors'
import { signIn } from './sign-in'
import { openTask } from './open-task'
import { start } from './start'
import { editorPanels } from './editor-panels'
import { editorMessages } from './editor-messages'
import { shortcuts } from './shortcuts'
import { exportArea } from './export'
import { inbox } from './inbox'
import { document } from './document'
import { workflow } from './workflow'
import { frame } from './frame'
import { review } from './review'
import { cueView } from './cue-view'
import { finishSteps } from './finish-steps'

/** The English catalogue: one entry per area of the app (the reference every translation follows). */
export const en = { common, start, signIn, openTask, errors, editorPanels, editorMessages, shortcuts, export: exportArea, inbox, workflow, document, frame, review, cueView, finishSteps }

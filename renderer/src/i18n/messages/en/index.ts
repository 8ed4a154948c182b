import { common } from './common'
import { start } from './start'

/** The English catalogue: one entry per area of the app (the reference every translation follows). */
export const en = { common, start }

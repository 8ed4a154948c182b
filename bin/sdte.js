#!/usr/bin/env node
// The `sdte` command: registers tsx so the TypeScript sources run as they are (no build step
// after `npm ci`), then hands over to electron/cli/main.ts.
import { register } from 'tsx/esm/api'

register()
const { runFromProcess } = await import('../electron/cli/main.ts')
await runFromProcess()

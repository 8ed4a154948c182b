#!/usr/bin/env node
// The `sdte` command: runs the CLI bundle built ahead of time (scripts/build-cli.mjs, run by
// `npm run build` and by `prepare` after `npm ci`), so no TypeScript loader ships or runs.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const bundle = new URL('../out/cli/sdte.js', import.meta.url)
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('sdte: the command is not built yet. Run `npm run build:cli` (npm install does it), then try again.\n')
  process.exit(7)
}
await import(bundle.href)

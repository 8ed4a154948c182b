// Builds the `sdte` command ahead of time: electron/cli/ and everything it imports, bundled into
// one ES module, out/cli/sdte.js, that plain Node runs (bin/sdte.js). No TypeScript loader at run
// time, so tsx and esbuild stay development tools. Run by `npm run build` and by `prepare`, which
// npm runs after `npm ci`/`npm install` on a fresh clone.
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import process from 'node:process'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outFile = join(root, 'out', 'cli', 'sdte.js')

let esbuild
try {
  esbuild = await import('esbuild')
} catch {
  // `npm ci --omit=dev`: nothing to build with, and nothing that needs the CLI either.
  process.stderr.write('build-cli: esbuild is not installed (dev dependencies omitted); sdte was not built. Run `npm install`, then `npm run build:cli`.\n')
  process.exit(0)
}

const result = await esbuild.build({
  stdin: {
    contents: "import { runFromProcess } from './electron/cli/main.ts'\nawait runFromProcess()\n",
    resolveDir: root,
    sourcefile: 'sdte-entry.ts',
    loader: 'ts'
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  write: false,
  logLevel: 'warning',
  // Bundled CommonJS dependencies may call require() for Node built-ins: give them a real one.
  banner: { js: "import { createRequire as __sdteCreateRequire } from 'node:module'\nconst require = __sdteCreateRequire(import.meta.url)" }
})

await mkdir(dirname(outFile), { recursive: true })
// Written beside and renamed: test workers building at once never read half a file.
const temp = `${outFile}.${process.pid}.tmp`
await writeFile(temp, result.outputFiles[0].contents)
await rename(temp, outFile)

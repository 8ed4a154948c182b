import { test, expect } from '@playwright/test'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { appOrigin, createAppRoutes } from '../../electron/main/app-scheme'
import { contentSecurityPolicy } from '../../electron/main/security'

/*
 * electron-builder cannot run here (it downloads Electron), so check what can be checked:
 * after `npm run build`, every file the packaging config packs exists, and the entry points
 * it relies on are the ones package.json and main name.
 */
const root = resolve(import.meta.dirname, '../..')
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as {
  files: string[]
  extraResources: Array<{ from: string; filter: string[] }>
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string }

test('the packaging config packs the built bundles and the sample task', () => {
  for (const pattern of config.files) {
    const base = pattern.replace(/\/\*\*$/, '')
    expect(existsSync(join(root, base)), `${pattern} is packed but ${base} does not exist`).toBe(true)
  }
  expect(existsSync(join(root, pkg.main))).toBe(true)
  expect(existsSync(join(root, 'out/preload/index.cjs'))).toBe(true)
  expect(existsSync(join(root, 'out/renderer/index.html'))).toBe(true)
  for (const resource of config.extraResources) {
    for (const file of resource.filter) expect(existsSync(join(root, resource.from, file))).toBe(true)
  }
  // The sandboxed preload must be CommonJS that requires nothing but electron.
  const preload = readFileSync(join(root, 'out/preload/index.cjs'), 'utf8')
  const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])
  expect([...new Set(requires)]).toEqual(['electron'])
})

/*
 * Least privilege in what ships. The fuses electron-builder flips on the packaged
 * Electron binary, and what app.asar would hold: the `files` above plus the production
 * dependency tree as electron-builder's own collector computes it (npm list --omit dev).
 */
const requireFromRoot = createRequire(join(root, 'package.json'))

test('the packaged Electron has every fuse locked down, and electron-builder accepts the config', async () => {
  const fuses = (config as unknown as { electronFuses: Record<string, boolean> }).electronFuses
  expect(fuses).toEqual({
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
    loadBrowserProcessSpecificV8Snapshot: false
  })
  expect((config as unknown as { asar: boolean }).asar).toBe(true)
  // electron-builder's own schema check (it refuses unknown or misspelt fuse names).
  const { getConfig, validateConfiguration } = requireFromRoot('app-builder-lib/out/util/config/config') as {
    getConfig(projectDir: string, path: string, options: null): Promise<unknown>
    validateConfiguration(config: unknown, logger: unknown): Promise<void>
  }
  const { DebugLogger } = requireFromRoot('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown }
  const loaded = await getConfig(root, join(root, 'electron-builder.json'), null)
  await validateConfiguration(loaded, new DebugLogger(false))
  await expect(validateConfiguration({ ...(loaded as object), electronFuses: { ...fuses, runAsNod: false } }, new DebugLogger(false))).rejects.toThrow(/electronFuses/)
})

test('app.asar would hold only what the main process loads', async () => {
  test.setTimeout(180_000)
  const { getCollectorByPackageManager, PM } = requireFromRoot('app-builder-lib/out/node-module-collector') as {
    getCollectorByPackageManager(pm: string, rootDir: string, tmp: unknown): { getNodeModules(o: { packageName: string }): Promise<{ nodeModules: ModuleInfo[] }> }
    PM: { NPM: string }
  }
  const { TmpDir } = requireFromRoot('builder-util') as { TmpDir: new (name: string) => { cleanup(): Promise<void> } }
  interface ModuleInfo {
    name: string
    dir: string
    dependencies?: ModuleInfo[]
  }
  const tmp = new TmpDir('sdte-packaging-test')
  let modules: ModuleInfo[]
  try {
    modules = (await getCollectorByPackageManager(PM.NPM, root, tmp).getNodeModules({ packageName: 'sd-transcript-editor' })).nodeModules
  } finally {
    await tmp.cleanup()
  }
  const shipped = new Map<string, string>()
  const walk = (list: ModuleInfo[] | undefined) => {
    for (const m of list ?? []) {
      shipped.set(m.name, m.dir)
      walk(m.dependencies)
    }
  }
  walk(modules)
  const names = [...shipped.keys()]

  // Nothing the renderer bundles, nothing that builds, no TypeScript loader, no 32 MB canvas.
  const unneeded = [/^pdfjs-dist$/, /canvas/, /^vue$/, /^@vue\//, /^pinia$/, /^wavesurfer\.js$/, /^@tanstack\//, /^docx$/, /^tsx$/, /^esbuild$/, /^@esbuild\//, /^electron$/, /^typescript$/, /^vite$/]
  for (const pattern of unneeded) expect(names.filter((n) => pattern.test(n)), `${pattern} would ship`).toEqual([])

  // Every package the built main process imports (statically or lazily) ships, and every
  // production dependency is one it imports: nothing needed is missing, nothing else is declared.
  // Every file of the built main process: index.js, the decode worker it starts, their chunks.
  const mainDir = dirname(join(root, pkg.main))
  const mainFiles = (readdirSync(mainDir, { recursive: true }) as string[]).filter((name) => name.endsWith('.js'))
  const mainBundle = mainFiles.map((name) => readFileSync(join(mainDir, name), 'utf8')).join('\n')
  expect(readdirSync(mainDir)).toContain('decode-worker.js')
  // `from` not inside a string (a variable or flag named "from" is not an import).
  const specifiers = [...mainBundle.matchAll(/(?:(?<![\w"'`])from\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"'.][^"']*)["']/g)].map((m) => m[1]!)
  const imported = new Set(specifiers.filter((s) => !s.startsWith('node:') && s !== 'electron').map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!)))
  const declared = Object.keys((pkg as unknown as { dependencies: Record<string, string> }).dependencies).sort()
  expect([...imported].sort()).toEqual(declared)
  for (const name of imported) expect(shipped.has(name), `${name} is imported by main but would not ship`).toBe(true)

  // The figure for the record (never pass/fail): what node_modules adds to app.asar.
  let bytes = 0
  const sizeOf = (dir: string): number => {
    let total = 0
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory() && entry.name !== 'node_modules') total += sizeOf(path)
      else if (entry.isFile()) total += statSync(path).size
    }
    return total
  }
  for (const dir of new Set(shipped.values())) bytes += sizeOf(dir)
  test.info().annotations.push({ type: 'production node_modules', description: `${names.length} packages, ${(bytes / 1e6).toFixed(1)} MB` })
  console.log(`app.asar node_modules: ${names.length} packages, ${(bytes / 1e6).toFixed(1)} MB`)
})

test('the built renderer is served whole by the app:// handler, with the CSP header', async () => {
  const routes = createAppRoutes(join(root, 'out/renderer'))
  const index = await routes(new Request(`${appOrigin}/index.html`))
  expect(index.status).toBe(200)
  expect(index.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
  const html = await index.text()
  const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]!)
  expect(assets.length).toBeGreaterThan(0)
  for (const asset of assets) {
    const response = await routes(new Request(`${appOrigin}/${asset}`))
    expect(response.status, asset).toBe(200)
    await response.body?.cancel()
  }
})

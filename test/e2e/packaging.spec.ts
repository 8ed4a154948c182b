import { test, expect } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

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

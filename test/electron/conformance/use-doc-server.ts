import { afterAll, afterEach, beforeAll } from 'vitest'
import { startDocServer, type DocServer, type DocServerConfig } from './doc-server'

/*
 * doc-server.ts for one test file: started once, and after each test its configuration (what the
 * documents permit, varied by the tests) put back and its request log emptied, so a test sees
 * only its own requests under the defaults.
 */

/** Starts the documented-API server for this file; read it as `.server` inside tests. */
export function useDocServer(): { readonly server: DocServer } {
  let server: DocServer | null = null
  const defaults: Partial<DocServerConfig> = {}
  beforeAll(async () => {
    server = await startDocServer()
    Object.assign(defaults, server.config)
  })
  afterAll(() => server?.close())
  afterEach(() => {
    if (!server) return
    Object.assign(server.config, defaults)
    server.requests.length = 0
  })
  return {
    get server(): DocServer {
      if (!server) throw new Error('the doc server is started in beforeAll; read it inside a test')
      return server
    }
  }
}

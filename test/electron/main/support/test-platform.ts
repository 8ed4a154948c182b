import type { PlatformPort } from '../../../../electron/main/app-handlers'

/*
 * The platform port the app's handlers get in tests: what Electron gives them in the app (native
 * dialogs, the window, progress events), answered here by the test. Each test names only what it
 * uses; the rest answers as a reviewer who cancels every dialog would.
 */

/** A PlatformPort with every chooser cancelled and no window; `overrides` replace any part. */
export function testPlatform(overrides: Partial<PlatformPort> = {}): PlatformPort {
  return {
    info: { name: 'SD Transcript Editor', version: '0.0.0-test', platform: process.platform },
    sampleExportPath: '',
    sampleMediaPath: '',
    chooseExportFile: async () => null,
    chooseSavePath: async () => null,
    chooseMediaFile: async () => null,
    mediaUrl: (path) => `app://app${path}`,
    sendProgress: () => undefined,
    setUnsaved: () => undefined,
    ...overrides
  }
}

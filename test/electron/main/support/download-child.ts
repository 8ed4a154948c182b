import { createMediaService } from '../../../../electron/services/media/media-cache'

/*
 * A process that downloads a recording into a cache and reports when bytes are arriving, so a
 * test can kill it mid-download (SIGKILL: no cleanup runs) and check what the next start does.
 * Usage: download-child.ts <cacheDir> <url>
 */

const [cacheDir, url] = process.argv.slice(2) as [string, string]
let told = false
const media = createMediaService({ fetch, cacheDir, apiBaseUrl: () => 'http://127.0.0.1' })
void media.resolve('41003', url, {
  onProgress: ({ receivedBytes }) => {
    if (told || receivedBytes === 0) return
    told = true
    process.stdout.write('receiving\n')
  }
})

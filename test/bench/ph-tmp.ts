import { readInputFile } from '../../electron/cli/input-file'
import { modelOf } from '../../electron/cli/transcript-formats'
import { writeFormat } from '../../shared/subtitles'
const mem = () => Math.round(process.memoryUsage().rss / 1e6) + ' MB rss, heap ' + Math.round(process.memoryUsage().heapUsed / 1e6)
let t = performance.now()
const lap = (s: string) => { console.log(s, Math.round(performance.now() - t), 'ms', mem()); t = performance.now() }
const input = await readInputFile('/tmp/wo-50.json', undefined, '/')
lap('read+parse+validate')
const model = modelOf(input)
lap('normalise')
const out = await writeFormat('srt', model, { preset: 'netflix-en' })
lap('srt ' + out.content.length)

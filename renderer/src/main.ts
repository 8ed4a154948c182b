import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n } from './i18n'
import { warmFormats } from './i18n/format'
import { idleTask } from './lib/idle-task'
import { warmMessages } from './i18n/warm-messages'
import { runInSlices } from './lib/run-in-slices'
import { useTaskStore } from './stores/task-store'
import { createAppStores } from './stores/app-stores'
import './styles/theme.css'

const pinia = createPinia()
const app = createApp(App).use(pinia).use(i18n)
// Before mounting: a store made inside a component's setup would keep that component alive (app-stores.ts).
createAppStores(pinia)
app.mount('#app')
// The locale's formatters and messages are made while the start screen idles, not in a task's
// open (i18n/format.ts, i18n/warm-messages.ts); a task opening stops the warming.
const task = useTaskStore(pinia)
idleTask(2000).schedule(() => {
  if (task.isOpen) return
  warmFormats()
  // Not pdf.js: loaded here it slowed a transcript's cold open from the start screen (2 h:
  // data → interactive 134 → 233 ms, longest task 66 → 101 ms, bench cold-open); it loads when a
  // document opens, beside the document's own data (DocumentPane.vue, pdf-preload.ts).
  void runInSlices(warmMessages(), () => task.isOpen)
  // Not the normaliser: running it once on a made-up transcript here showed no gain on a cold
  // open (bench cold-open, 2 h 145 vs 138 ms without, 6 h 183 vs 202, within the spread).
})

import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n } from './i18n'
import { createAppStores } from './stores/app-stores'
import './styles/theme.css'

const pinia = createPinia()
const app = createApp(App).use(pinia).use(i18n)
// Before mounting: a store made inside a component's setup would keep that component alive (app-stores.ts).
createAppStores(pinia)
app.mount('#app')

import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppStores } from './stores/app-stores'
import './styles/theme.css'

const pinia = createPinia()
const app = createApp(App).use(pinia)
// Before mounting: a store made inside a component's setup would keep that component alive (app-stores.ts).
createAppStores(pinia)
app.mount('#app')

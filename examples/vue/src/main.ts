import { createApp } from 'vue';
import 'hashdrop'; // defines every <hashdrop-*> element
import App from './App.vue';

createApp(App).mount('#app');

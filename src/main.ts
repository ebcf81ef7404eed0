import { mount } from 'svelte';
import App from './App.svelte';
import { schemas } from './demos/registry';
import { readEnvironment } from './environment';
import { startServiceWorker } from './hosting/serviceWorker.svelte';
import { loadLink } from './settings';
import './ui/app.css';
import './ui/print.css';

const env = readEnvironment();
const link = loadLink(new URLSearchParams(location.search), schemas(env));
// Before the first paint, so an embed never flashes the wrong colours.
if (link.theme) document.documentElement.dataset.theme = link.theme;
if (link.embed) document.documentElement.classList.add('embedded');
void startServiceWorker();

export default mount(App, {
  target: document.getElementById('app')!,
  props: { env, embed: link.embed, compact: link.controls === 'minimal' },
});

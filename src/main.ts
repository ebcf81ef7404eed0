import { mount } from 'svelte';
import App from './App.svelte';
import { startServiceWorker } from './hosting/serviceWorker.svelte';
import { DEMOS } from './ui/demos';
import { readAppParameters } from './url/query';
import './ui/app.css';

const parameters = readAppParameters(
  new URLSearchParams(location.search),
  DEMOS.map((demo) => demo.id),
);
// Before the first paint, so an embed never flashes the wrong colours.
if (parameters.theme) document.documentElement.dataset.theme = parameters.theme;
if (parameters.embed) document.documentElement.classList.add('embedded');
void startServiceWorker();

export default mount(App, { target: document.getElementById('app')!, props: { parameters } });

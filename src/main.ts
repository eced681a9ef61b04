// First: the snapshot's requests start before the rest of the app is evaluated.
import './first-requests';
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { registerOffline } from './offline/register';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');

let started: () => void = () => {};
const engineStarted = new Promise<void>((resolve) => (started = resolve));

export default mount(App, { target, props: { onstarted: () => started() } });

// Works offline after this visit (src/sw.ts); a first visit installs once the engine has started.
registerOffline(engineStarted);

// First: the snapshot's requests start before the rest of the app is evaluated.
import { endFirstScreen } from './first-requests';
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { registerOffline } from './offline/register';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');

let started: () => void = () => {};
const engineStarted = new Promise<void>((resolve) => (started = resolve));

const app = mount(App, { target, props: { onstarted: () => started() } });
// The first screen the app draws in this task replaces the template's, if one was shown before the
// app's code arrived (src/state/first-screen.ts): no frame painted between them.
endFirstScreen();
export default app;

// Works offline after this visit (src/sw.ts); a first visit installs once the engine has started.
registerOffline(engineStarted);

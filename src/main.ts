import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { registerOffline } from './offline/register';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');

export default mount(App, { target });

// Works offline after this visit (src/sw.ts).
registerOffline();

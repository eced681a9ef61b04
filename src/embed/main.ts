// The embed page: one chart from build-time aggregates. No DuckDB, no row-level data.
import { mount } from 'svelte';
import Embed from './Embed.svelte';
import '../app.css';

const target = document.getElementById('embed');
if (!target) throw new Error('embed.html lacks #embed');

export default mount(Embed, { target });

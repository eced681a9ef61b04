// Imported first by src/main.ts, so this runs before the rest of the app is evaluated: the first
// screen's data requests start now (src/state/first-requests.ts). The same folder as App.svelte's.
import { startSnapshotRequests } from './state/first-requests';

startSnapshotRequests(new URL('data/', document.baseURI).href);

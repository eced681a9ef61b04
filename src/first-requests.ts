// Imported first by src/main.ts, so this runs before the rest of the app is evaluated: the first
// screen's data requests start now (src/state/first-requests.ts), and once checked the first
// screen's template is shown while the app's code is still on its way (src/state/first-screen.ts).
// The same folder as App.svelte's.
import { startSnapshotRequests } from './state/first-requests';
import { showFirstScreen } from './state/first-screen';

export { endFirstScreen } from './state/first-screen';

void startSnapshotRequests(new URL('data/', document.baseURI).href).settling.then(({ print }) =>
  showFirstScreen(print),
);

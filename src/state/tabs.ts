/**
 * Tabs of the app in one browser share what it keeps of imports (src/data/import-store.ts): a tab
 * that saves or forgets says so on a BroadcastChannel, and the others read the kept description
 * (`meta`) again. A tab also reads it when it is shown again, in case it missed a message (a tab
 * frozen in the background, a browser without BroadcastChannel), so none goes on showing older data
 * without knowing it.
 */
import { loadMeta, type StoredMeta } from '../data/import-store';

const CHANNEL = 'exchange-dashboard-imports';

/** An id for this page, told apart from the other tabs' in what they save. */
export function newTabId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : String(Math.random()).slice(2);
}

export interface TabMessage {
  type: 'saved';
  seq: number;
  tab: string;
}

export class TabSync {
  #channel: BroadcastChannel | null = null;
  readonly #onMeta: (meta: StoredMeta) => void;
  readonly #visible = () => {
    if (document.visibilityState === 'visible') void this.check();
  };

  /** `onMeta` hears what is kept whenever another tab may have changed it. */
  constructor(
    readonly tab: string,
    onMeta: (meta: StoredMeta) => void,
  ) {
    this.#onMeta = onMeta;
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(CHANNEL);
      this.#channel.onmessage = (event: MessageEvent<TabMessage>) => {
        if (event.data?.type === 'saved' && event.data.tab !== this.tab) void this.check();
      };
    }
    document.addEventListener('visibilitychange', this.#visible);
  }

  /** Reads what is kept now; the messages may arrive out of order, the store says which save is last. */
  async check(): Promise<void> {
    try {
      const meta = await loadMeta();
      if (meta) this.#onMeta(meta);
    } catch (error) {
      console.error(error);
    }
  }

  /** Tells the other tabs that this one saved (or forgot) what is kept. */
  announce(meta: StoredMeta): void {
    this.#channel?.postMessage({ type: 'saved', seq: meta.seq, tab: this.tab } satisfies TabMessage);
  }

  close(): void {
    this.#channel?.close();
    document.removeEventListener('visibilitychange', this.#visible);
  }
}

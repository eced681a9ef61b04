import { isProfileView, type ProfileView, type View } from './url-state';

/**
 * The page shown (dashboard, data, a partner's or a country's profile) and the
 * link as last written, so links to a profile and back carry the filters and
 * the rest of the view as they are now.
 */
class PageState {
  view = $state<View>('dashboard');
  /** The profile's subject: a partner id or a country code; null off a profile. */
  profile = $state<string | null>(null);
  /** The address's query string as the page last wrote or read it. */
  search = $state('');

  /** Opens a profile; the link of it becomes a history entry, so Back returns. */
  open(kind: ProfileView, id: string): void {
    this.profile = id;
    this.view = kind;
  }

  /** Back to the dashboard, filters untouched. */
  close(): void {
    this.view = 'dashboard';
    this.profile = null;
  }

  get onProfile(): boolean {
    return isProfileView(this.view) && this.profile !== null;
  }
}

export const page = new PageState();

/**
 * Follows a link to a page of this app in place (the address is written by the URL sync)
 * unless the reader asked for a new tab or window.
 */
export function followInPlace(event: MouseEvent, go: () => void): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  go();
  scrollTo({ top: 0 });
}

import type { ProfileView } from './url-state';

/** The link to a profile: this page's link with the view and its subject set (filters and the rest kept). */
export function profileHref(search: string, kind: ProfileView, id: string): string {
  const params = new URLSearchParams(search);
  params.set('view', kind);
  params.set('id', id);
  return `?${params.toString()}`;
}

/** The link back to the dashboard: this page's link without the view and its subject. */
export function dashboardHref(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('view');
  params.delete('id');
  return `?${params.toString()}`;
}

/** A query string without some parameters, for comparing two links apart from them. */
export function withoutParams(search: string, keys: readonly string[]): string {
  const params = new URLSearchParams(search);
  for (const key of keys) params.delete(key);
  return params.toString();
}

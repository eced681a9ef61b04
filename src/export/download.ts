/** Saves a blob under a file name; the object URL is released once the click has been handled. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from a title: no characters file systems refuse, and the date. */
export function fileName(title: string, extension: string, date = new Date()): string {
  const safe =
    title
      .replace(/[\\/:*?"<>|\s]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'chart';
  return `${safe}-${date.toISOString().slice(0, 10)}.${extension}`;
}

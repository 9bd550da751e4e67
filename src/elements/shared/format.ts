/** Formatting shared by the in-call elements. */

/** An ISO time as a short clock time in the element's language (e.g. "11:13 PM"), or '' for a bad input. */
export function formatClockTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(date);
  } catch {
    // An unknown language tag: fall back to the browser's own format rather than show nothing.
    return date.toLocaleTimeString();
  }
}

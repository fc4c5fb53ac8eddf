const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A stored ISO instant in the user's locale and time zone, e.g. “23 Nov 2026, 10:49”. */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** `acme.zendesk.com`, `127.0.0.1:8123`: an origin as people read it. */
export function hostOf(origin: string): string {
  return origin.replace(/^https?:\/\//, '');
}

/** The value of a `datetime-local` input (`2026-03-01T09:30`, the reader's time zone) → ISO; undefined when empty or unreadable. */
export function localToIso(local: string): string | undefined {
  if (!local) return undefined;
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** An ISO time → the value of a `datetime-local` input in the reader's time zone. */
export function isoToLocal(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Now, as the value of a `datetime-local` input. */
export function localNow(): string {
  return isoToLocal(new Date().toISOString());
}

/** malloc-tag's timestamps ("2026-12-02 @ 04:16:51 UTC") as milliseconds since the epoch, or null when not in that form. */
export function snapshotTimeMs(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) @ (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))? UTC$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const fraction = match[7] ? Number(`0.${match[7]}`) * 1000 : 0;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) + fraction;
  const check = new Date(ms);
  // Date.UTC rolls 2026-02-31 over to March: refuse what is not a real time.
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day && hour < 24 && minute < 60 && second < 61 ? ms : null;
}

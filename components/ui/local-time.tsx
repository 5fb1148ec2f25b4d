import { describeMoment } from "@/lib/format";

/**
 * A moment in the reader's time zone, with the UTC offset and the exact UTC instant on hover. Rendered on
 * the server, where the request's zone is known (lib/time-zone.ts); a client component passes `timeZone`.
 */
export function LocalTime({ at, timeZone }: { at: Date; timeZone?: string }) {
  const moment = describeMoment(at, timeZone);
  return (
    <time dateTime={moment.iso} title={moment.title}>
      {moment.text}
    </time>
  );
}

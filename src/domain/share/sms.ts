/** What a text message about a place can carry; any part may be missing. */
export interface SmsParts {
  name: string;
  /** "Call 617-555-0100" in the message's language. */
  call?: string | undefined;
  /** "1 Main St, Boston". */
  address?: string | undefined;
  /** "Today 8:00 AM–6:00 PM" in the message's language. */
  today?: string | undefined;
  url: string;
}

/** One SMS segment: longer messages are split, and some phones show them out of order. */
export const SMS_LIMIT = 160;

const join = (parts: Array<string | undefined>) => parts.filter(Boolean).join('. ');

/**
 * A message about a place that fits one text: the name, the number, the address, today's
 * hours and a short link, dropping the least needed parts first (hours, then the address)
 * and shortening the name only as a last resort. The link and the number always stay.
 */
export function smsText(parts: SmsParts, limit = SMS_LIMIT): string {
  const tries = [
    join([parts.name, parts.call, parts.address, parts.today, parts.url]),
    join([parts.name, parts.call, parts.address, parts.url]),
    join([parts.name, parts.call, parts.url]),
  ];
  const fitting = tries.find((text) => [...text].length <= limit);
  if (fitting) return fitting;
  const rest = join([parts.call, parts.url]);
  const room = limit - [...rest].length - 3; // ". " and the ellipsis
  const name = [...parts.name].slice(0, Math.max(1, room)).join('').trimEnd();
  return join([`${name}…`, parts.call, parts.url]);
}

/** An sms: link that opens the phone's messages app with the text filled in (no recipient). */
export function smsHrefWithBody(body: string): string {
  // "?&body=" is understood by both Android (?body=) and iOS (&body=).
  return `sms:?&body=${encodeURIComponent(body)}`;
}

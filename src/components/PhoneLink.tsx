import type { PhoneView } from '../domain/phone.ts';
import type { Translate } from './types.ts';
import type { MessageKey } from '../i18n/message-keys.ts';

/** What a line's kind is called, when it is not a voice line. */
export const PHONE_LINK_KEYS = ['phoneKind.text', 'phoneKind.tty', 'phoneKind.fax'] as const;

export interface PhoneLinkProps {
  phone: PhoneView;
  t: Translate<MessageKey<typeof PHONE_LINK_KEYS>>;
  /** Say the line's label before the number ("Intake: …"). */
  describe?: boolean;
}

/** A number to tap: a call, a text for text lines, plain text for a fax. */
export function PhoneLink({ phone, t, describe = false }: PhoneLinkProps) {
  const kindLabel = phone.kind === 'voice' ? '' : t(`phoneKind.${phone.kind}`);
  return (
    <>
      {describe && phone.label && <span>{phone.label}: </span>}
      {phone.href ? (
        <a href={phone.href} class="rf-ltr">
          {phone.display}
        </a>
      ) : (
        <span class="rf-ltr">{phone.display}</span>
      )}
      {kindLabel && <span> ({kindLabel})</span>}
    </>
  );
}

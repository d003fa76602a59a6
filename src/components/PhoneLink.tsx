import { UNVERIFIED_NOTE_KEYS, UnverifiedNote } from './UnverifiedNote.tsx';
import { phoneLabelKey, withExtensionWord, type PhoneView } from '../domain/phone.ts';
import type { Translate } from './types.ts';
import type { MessageKey } from '../i18n/message-keys.ts';

/** What a line's kind is called, when it is not a voice line; the extension word; line names. */
export const PHONE_LINK_KEYS = [
  'phoneKind.text',
  'phoneKind.tty',
  'phoneKind.fax',
  'phoneKind.ext',
  'phoneLabel.intake',
  UNVERIFIED_NOTE_KEYS,
] as const;

export interface PhoneLinkProps {
  phone: PhoneView;
  t: Translate<MessageKey<typeof PHONE_LINK_KEYS>>;
  /** Say the line's label before the number ("Intake: …"). */
  describe?: boolean;
}

/**
 * A number to tap: a call, a text for text lines, plain text for a fax. The number keeps its
 * left-to-right order in right-to-left text (`rf-ltr` isolates it). A number no source has
 * confirmed says so beside it.
 */
export function PhoneLink({ phone, t, describe = false }: PhoneLinkProps) {
  const kindLabel = phone.kind === 'voice' ? '' : t(`phoneKind.${phone.kind}`);
  const display = withExtensionWord(phone.display, t('phoneKind.ext'));
  const labelKey = phone.label ? phoneLabelKey(phone.label) : undefined;
  return (
    <>
      {describe &&
        phone.label &&
        (labelKey ? (
          <span>{t(`phoneLabel.${labelKey}`)}: </span>
        ) : (
          // A name the source wrote that no translation covers stays in the source's English.
          <span>
            <span lang="en">{phone.label}</span>:{' '}
          </span>
        ))}
      {phone.href ? (
        <a href={phone.href} class="rf-ltr">
          {display}
        </a>
      ) : (
        <span class="rf-ltr">{display}</span>
      )}
      {kindLabel && <span> ({kindLabel})</span>}
      <UnverifiedNote unverified={phone.unverified} t={t} />
    </>
  );
}

import type { Translate } from './types.ts';
import type { MessageKey } from '../i18n/message-keys.ts';

/** The notice's words. An island that may draw an unverified number is given them. */
export const UNVERIFIED_NOTE_KEYS = ['unverified.notice'] as const;

export interface UnverifiedNoteProps {
  /**
   * The number's mark (site.yaml's `unverified`, or `true` where a view carries only the fact);
   * without one the note draws nothing, so verified pages stay as they were.
   */
  unverified?: object | true | undefined;
  t: Translate<MessageKey<typeof UNVERIFIED_NOTE_KEYS>>;
}

/**
 * Said beside a number no source has confirmed: the number stays, since someone may need it,
 * and the reader is told to check it. `dir="auto"` keeps the sentence in its own language's
 * direction even beside a number isolated left to right.
 */
export function UnverifiedNote({ unverified, t }: UnverifiedNoteProps) {
  if (!unverified) return null;
  return (
    <>
      {' '}
      <strong class="rf-unverified" dir="auto">
        {t('unverified.notice')}
      </strong>
    </>
  );
}

import { UNVERIFIED_NOTE_KEYS, UnverifiedNote } from './UnverifiedNote.tsx';
import { Fragment } from 'preact';
import { LINE_SLOT_MARKS, lineSentence, type LineNumbers } from '../domain/reach.ts';
import { callbackPath, localized } from '../domain/urls.ts';
import type { Translate } from './types.ts';
import type { MessageKey } from '../i18n/message-keys.ts';

export const REACH_LINE_KEYS = [
  'provider.reachLine',
  'provider.requestCallback',
  UNVERIFIED_NOTE_KEYS,
] as const;

export interface ReachLineProps {
  /** A line of a card's list, or a paragraph of a page. */
  as: 'li' | 'p';
  class?: string | undefined;
  /** The place's id, for a callback about it. */
  id: string;
  locale: string;
  line: LineNumbers;
  /** Offer a callback about the place too (a page with its own callback button does not). */
  callback?: boolean | undefined;
  t: Translate<MessageKey<typeof REACH_LINE_KEYS>>;
}

/**
 * How to reach a place whose listing has no number: the deployment's line, whose specialists
 * call it for the resident, or a callback about it. The sentence is the locale's, the numbers
 * site.yaml's, each a link where the language puts it.
 */
export function ReachLine(props: ReachLineProps) {
  const { as: Tag, class: className, id, locale, line, callback = true, t } = props;
  const marked = t('provider.reachLine', { ...LINE_SLOT_MARKS, city: line.city });
  return (
    <Tag class={className}>
      {lineSentence(marked).map((part, index) => {
        if (typeof part === 'string') return part;
        const number = part.slot === 'hotline' ? line.local : line.anywhere;
        return (
          <Fragment key={index}>
            <a href={`tel:${number.dial}`} dir="ltr">
              {number.display}
            </a>
            <UnverifiedNote unverified={number.unverified} t={t} />
          </Fragment>
        );
      })}
      {callback && (
        <>
          {' '}
          <a href={localized(locale, callbackPath({ provider: id }))}>
            {t('provider.requestCallback')}
          </a>
        </>
      )}
    </Tag>
  );
}

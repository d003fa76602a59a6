import type { Ref } from 'preact';
import { callTimeWords, type RequestLookup } from '../domain/callback/request-status.ts';
import { VALUE_MARK, WithValue } from '../components/WithValue.tsx';
import type { MessageKey, Translate } from './format.ts';
import './RequestStatusResult.css';

export const REQUEST_STATUS_RESULT_KEYS = [
  'callbackStatus.resultTitle',
  'callbackStatus.open',
  'callbackStatus.closed',
  'callbackStatus.unknown',
  'callbackStatus.unreachable',
  'callbackStatus.retry',
  'callbackStatus.expected',
  'callbackStatus.expectedUnknown',
  'callbackStatus.todayBetween',
  'callbackStatus.dayBetween',
  'callbackStatus.todayFrom',
  'callbackStatus.dayFrom',
] as const;
type Key = MessageKey<typeof REQUEST_STATUS_RESULT_KEYS>;

export interface RequestStatusResultProps {
  result: RequestLookup;
  /** When the answer came: "today" is the deployment's today at that moment. */
  at: Date;
  locale: string;
  timeZone: string;
  headingRef: Ref<HTMLHeadingElement>;
  t: Translate<Key>;
  onRetry: () => void;
}

// Longer than any id of ours: something else was typed, and it may wrap rather than overflow.
const LONGEST_UNBROKEN_ID = 20;

/** A request's status in words, with its number kept on one line and left to right. */
export function RequestStatusResult(props: RequestStatusResultProps) {
  const { result, t } = props;
  const idClass =
    result.id.length > LONGEST_UNBROKEN_ID
      ? 'rf-request-status__id rf-request-status__id--long'
      : 'rf-request-status__id';
  const when = () => {
    if (result.kind !== 'open' || result.call === null) return t('callbackStatus.expectedUnknown');
    const words = callTimeWords(result.call, props.at, props.locale, props.timeZone);
    return t('callbackStatus.expected', { when: t(`callbackStatus.${words.key}`, words.values) });
  };
  const found = result.kind === 'open' || result.kind === 'closed';
  return (
    <div
      class={`rf-panel rf-request-status${found ? '' : ' rf-panel--notice'}`}
      data-request-status={result.kind}
    >
      <h2 class="rf-panel__title" tabIndex={-1} ref={props.headingRef}>
        <WithValue
          text={t('callbackStatus.resultTitle', { id: VALUE_MARK })}
          value={<span class={idClass}>{result.id}</span>}
        />
      </h2>
      {result.kind === 'open' && (
        <>
          <p class="rf-request-status__state">{t('callbackStatus.open')}</p>
          <p>{when()}</p>
        </>
      )}
      {result.kind === 'closed' && (
        <p class="rf-request-status__state">{t('callbackStatus.closed')}</p>
      )}
      {result.kind === 'unknown' && <p>{t('callbackStatus.unknown')}</p>}
      {result.kind === 'unreachable' && (
        <>
          <p>{t('callbackStatus.unreachable')}</p>
          <p>
            <button type="button" class="rf-button rf-button--secondary" onClick={props.onRetry}>
              {t('callbackStatus.retry')}
            </button>
          </p>
        </>
      )}
    </div>
  );
}

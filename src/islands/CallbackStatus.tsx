import { UNVERIFIED_NOTE_KEYS, UnverifiedNote } from '../components/UnverifiedNote.tsx';
import { intlLocale } from '../domain/intl-locale.ts';
import { callbackStatusPath, localized } from '../domain/urls.ts';
import { weekdayInZone } from '../domain/dates.ts';
import type { Ref } from 'preact';
import type { OutboxItem } from '../domain/outbox/index.ts';
import { around, type MessageKey, type Translate } from './format.ts';
import { VALUE_MARK, WithValue } from '../components/WithValue.tsx';
import './CallbackStatus.css';

export const CALLBACK_STATUS_KEYS = [
  'callback.form.confirmedTitle',
  'callback.form.onlineTitle',
  'callback.form.requestPending',
  'callback.form.requestNumber',
  'callback.form.expected',
  'callback.form.expectedTheirs',
  'callback.form.expectedToday',
  'callback.form.expectedWindow',
  'callback.form.expectedUnknown',
  'callback.form.statusSending',
  'callback.form.statusRetrying',
  'callback.form.statusSaved',
  'callback.form.retryNow',
  'callback.form.callNow',
  'callback.form.statusLink',
  'callback.form.statusPhoneOnly',
  'callback.form.statusRejected',
  'callback.form.edit',
  'callback.form.discard',
  'callback.form.forget',
  'callback.form.nextTitle',
  'callback.form.next1',
  'callback.form.next1Theirs',
  'callback.form.next2',
  'callback.form.next3',
  'callback.form.emergency',
  'callback.form.another',
  UNVERIFIED_NOTE_KEYS,
] as const;
type Key = MessageKey<typeof CALLBACK_STATUS_KEYS>;

export interface CallbackStatusProps {
  items: readonly OutboxItem[];
  /** A request the honeypot caught: thanked like any other, sent nowhere. */
  botReceipt: boolean;
  headingRef: Ref<HTMLHeadingElement>;
  locale: string;
  timeZone: string;
  hotline: CallbackLine;
  emergency: CallbackLine;
  t: Translate<Key>;
  onRetry: () => void;
  onEdit: (item: OutboxItem) => void;
  onRemove: (id: string) => void;
  onAnother: () => void;
}

/** A number the status names, as site.yaml gives it: `unverified` when no source confirms it. */
export interface CallbackLine {
  dial: string;
  display: string;
  unverified?: object | undefined;
}

/** A translated sentence whose {{number}} is a tap-to-call link, with a notice if unconfirmed. */
function SentenceWithNumber({
  template,
  line,
  t,
}: {
  template: string;
  line: CallbackLine;
  t: Translate<Key>;
}) {
  const [before, after] = around(template, 'number');
  return (
    <>
      {before}
      <a href={`tel:${line.dial}`} class="rf-ltr">
        {line.display}
      </a>
      {after}
      <UnverifiedNote unverified={line.unverified} t={t} />
    </>
  );
}

/** "Today between 2:00 PM and 6:00 PM" or "on Monday between …", in the deployment's zone. */
function describeWindow(
  window: { start: string; end: string },
  locale: string,
  timeZone: string,
  t: Translate<Key>,
): string {
  const start = new Date(window.start);
  const end = new Date(window.end);
  const day = (date: Date) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(date);
  const time = (date: Date) =>
    new Intl.DateTimeFormat(intlLocale(locale), {
      timeZone,
      hour: 'numeric',
      minute: '2-digit',
    }).format(date);
  const values = { start: time(start), end: time(end) };
  if (day(start) === day(new Date())) return t('callback.form.expectedToday', values);
  const weekday = weekdayInZone(start, timeZone, locale);
  return t('callback.form.expectedWindow', { ...values, day: weekday });
}

/** Where each request is: saved on the phone, sending, delivered with its number, or stuck. */
export function CallbackStatus(props: CallbackStatusProps) {
  const { items, t, locale, timeZone } = props;
  const time = (ms: number) =>
    new Intl.DateTimeFormat(intlLocale(locale), {
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
    }).format(ms);
  const delivered = items.some((item) => item.state === 'delivered') || props.botReceipt;
  // Another request is offered only once nothing is waiting: two pending requests for one
  // person would reach the specialists as two calls to make.
  const waiting = items.some((item) => item.state !== 'delivered');
  const forThem = items.some((item) => item.state === 'delivered' && item.answerer === 'them');
  const callNow = (
    <p>
      <SentenceWithNumber
        template={t.template('callback.form.callNow')}
        line={props.hotline}
        t={t}
      />
    </p>
  );
  return (
    <section class="rf-callback__status" aria-labelledby="callback-status-title">
      <h2 id="callback-status-title" tabIndex={-1} ref={props.headingRef}>
        {delivered ? t('callback.form.confirmedTitle') : t('callback.form.onlineTitle')}
      </h2>
      <div role="status">
        {props.botReceipt && <p>{t('callback.form.requestPending')}</p>}
        {items.map((item) => (
          <div
            class={`rf-panel${item.state === 'delivered' ? '' : ' rf-panel--notice'}`}
            key={item.id}
            data-callback-item={item.state}
          >
            {item.state === 'delivered' && (
              <>
                <p class="rf-callback__number">
                  {item.serviceRequestId ? (
                    <WithValue
                      text={t('callback.form.requestNumber', { id: VALUE_MARK })}
                      value={item.serviceRequestId}
                    />
                  ) : (
                    t('callback.form.requestPending')
                  )}
                </p>
                <p>
                  {item.expectedCall
                    ? t(
                        item.answerer === 'them'
                          ? 'callback.form.expectedTheirs'
                          : 'callback.form.expected',
                        { when: describeWindow(item.expectedCall, locale, timeZone, t) },
                      )
                    : t('callback.form.expectedUnknown')}
                </p>
                {item.serviceRequestId && (
                  <p>
                    <a href={localized(locale, callbackStatusPath(item.serviceRequestId))}>
                      {t('callback.form.statusLink')}
                    </a>
                  </p>
                )}
              </>
            )}
            {item.state === 'sending' && (
              <>
                <p>{t('callback.form.statusSending')}</p>
                {callNow}
              </>
            )}
            {item.state === 'saved' && (
              <>
                <p>
                  {item.nextAttemptAt
                    ? t('callback.form.statusRetrying', { time: time(item.nextAttemptAt) })
                    : t('callback.form.statusSaved')}
                </p>
                <p>
                  <button
                    type="button"
                    class="rf-button rf-button--secondary"
                    onClick={props.onRetry}
                  >
                    {t('callback.form.retryNow')}
                  </button>
                </p>
                {callNow}
              </>
            )}
            {item.state === 'needs-attention' && (
              <>
                <p>
                  {item.problem &&
                  (item.problem.kind === 'unauthorised' || item.problem.kind === 'not-found') ? (
                    <>
                      <WithValue
                        text={t('callback.form.statusPhoneOnly', { number: VALUE_MARK })}
                        value={props.hotline.display}
                      />
                      <UnverifiedNote unverified={props.hotline.unverified} t={t} />
                    </>
                  ) : (
                    t('callback.form.statusRejected', { message: item.problem?.message ?? '' })
                  )}
                </p>
                <div class="rf-actions">
                  <button type="button" class="rf-button" onClick={() => props.onEdit(item)}>
                    {t('callback.form.edit')}
                  </button>
                  <button
                    type="button"
                    class="rf-button rf-button--secondary"
                    onClick={() => props.onRemove(item.id)}
                  >
                    {t('callback.form.discard')}
                  </button>
                </div>
              </>
            )}
            {item.state === 'delivered' && (
              <button type="button" class="rf-link-button" onClick={() => props.onRemove(item.id)}>
                {t('callback.form.forget')}
              </button>
            )}
          </div>
        ))}
      </div>
      {delivered && (
        <>
          <h3>{t('callback.form.nextTitle')}</h3>
          <ol>
            <li>{t(forThem ? 'callback.form.next1Theirs' : 'callback.form.next1')}</li>
            <li>{t('callback.form.next2')}</li>
            <li>
              <SentenceWithNumber
                template={t.template('callback.form.next3')}
                line={props.hotline}
                t={t}
              />
            </li>
          </ol>
          <p>
            <SentenceWithNumber
              template={t.template('callback.form.emergency')}
              line={props.emergency}
              t={t}
            />
          </p>
        </>
      )}
      {!waiting && (
        <p>
          <button type="button" class="rf-link-button" onClick={props.onAnother}>
            {t('callback.form.another')}
          </button>
        </p>
      )}
    </section>
  );
}

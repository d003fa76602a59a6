import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { normaliseRequestId } from '../domain/callback/request-id.ts';
import {
  describeLookup,
  describeLookupError,
  type RequestLookup,
} from '../domain/callback/request-status.ts';
import { createFetchOpen311Client } from '../domain/open311/client.ts';
import type { WeeklyInterval } from '../domain/weekly-hours.ts';
import { Field } from '../components/form/Field.tsx';
import { VALUE_MARK, WithValue } from '../components/WithValue.tsx';
import { translator, type Messages } from './format.ts';
import type { CALLBACK_LOOKUP_KEYS } from './callback-lookup-keys.ts';
import { RequestStatusResult } from './RequestStatusResult.tsx';
import '../components/form/TextInput.css';
import './CallbackLookup.css';

export interface CallbackLookupProps {
  locale: string;
  strings: Messages<typeof CALLBACK_LOOKUP_KEYS>;
  intake: { endpoint: string; jurisdiction_id?: string | undefined };
  /** The deployment's request id prefix (site.yaml `intake.request_id_prefix`). */
  idPrefix: string;
  /** The specialists' week and the deployment's zone, for when to expect the call. */
  specialistsWeek: readonly WeeklyInterval[];
  timeZone: string;
}

type Phase =
  | { phase: 'idle' }
  | { phase: 'checking'; id: string }
  | { phase: 'done'; result: RequestLookup; at: Date };

const FIELD_ID = 'callback-status-id';
// Longer than any id, short enough that a pasted page cannot become a request to the server.
const MAX_TYPED = 64;

/**
 * "Where is my callback request?": a plain GET form with the request number, looked up with
 * the Open311 client (status fields only). Nothing is asked on load unless the address has
 * an id, so opening the page tells the server nothing.
 */
export default function CallbackLookup(props: CallbackLookupProps) {
  const { locale } = props;
  const t = useMemo(() => translator(props.strings, locale), [props.strings, locale]);
  const client = useMemo(
    () =>
      createFetchOpen311Client({
        endpoint: props.intake.endpoint,
        jurisdictionId: props.intake.jurisdiction_id,
        timeoutMs: 15_000,
      }),
    [props.intake.endpoint, props.intake.jurisdiction_id],
  );
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [state, setState] = useState<Phase>({ phase: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Only the latest question's answer is shown, however the answers arrive.
  const asked = useRef(0);

  const lookUp = (text: string, focusAnswer: boolean) => {
    const id = normaliseRequestId(text.slice(0, MAX_TYPED), props.idPrefix);
    if (id === '') {
      setError(t('callbackStatus.idRequired'));
      setState({ phase: 'idle' });
      input.current?.focus();
      return;
    }
    setError(undefined);
    const turn = ++asked.current;
    setState({ phase: 'checking', id });
    const week = { intervals: props.specialistsWeek, timeZone: props.timeZone };
    void client
      .request(id)
      .then(
        (answer) => describeLookup(id, answer, week, new Date()),
        (failure: unknown) => describeLookupError(id, failure),
      )
      .then((result) => {
        if (turn !== asked.current) return;
        setState({ phase: 'done', result, at: new Date() });
        if (focusAnswer) requestAnimationFrame(() => heading.current?.focus());
      });
  };

  useEffect(() => {
    const fromAddress = new URLSearchParams(location.search).get('id') ?? '';
    if (fromAddress.trim() === '') return;
    setTyped(fromAddress);
    lookUp(fromAddress, false);
  }, []);

  const submit = (event: Event) => {
    event.preventDefault();
    const id = normaliseRequestId(typed.slice(0, MAX_TYPED), props.idPrefix);
    // The address says which request is shown, so a reload or a shared link shows it again.
    const url = new URL(location.href);
    if (id) url.searchParams.set('id', id);
    else url.searchParams.delete('id');
    history.replaceState(history.state, '', url);
    lookUp(typed, true);
  };

  const example = `${props.idPrefix}-7K3MQ9XD`;
  return (
    <div class="rf-callback-lookup">
      <form class="rf-callback-lookup__form" method="get" noValidate onSubmit={submit}>
        <Field
          id={FIELD_ID}
          label={t('callbackStatus.idLabel')}
          hint={
            <WithValue
              text={t('callbackStatus.idHint', { example: VALUE_MARK })}
              value={<span class="rf-callback-lookup__example">{example}</span>}
            />
          }
          error={error}
          errorPrefix={t('callbackStatus.errorPrefix')}
        >
          {(control) => (
            <input
              {...control}
              ref={input}
              class="rf-input rf-input--phone rf-ltr"
              name="id"
              type="text"
              dir="ltr"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              enterKeyHint="go"
              maxLength={MAX_TYPED}
              aria-required="true"
              value={typed}
              onInput={(event) => setTyped(event.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" class="rf-button">
          {t('callbackStatus.submit')}
        </button>
      </form>
      <p role="status" class="rf-callback-lookup__progress">
        {state.phase === 'checking' ? t('callbackStatus.checking') : ''}
      </p>
      {state.phase === 'done' && (
        <RequestStatusResult
          result={state.result}
          at={state.at}
          locale={locale}
          timeZone={props.timeZone}
          headingRef={heading}
          t={t}
          onRetry={() => lookUp(state.result.id, true)}
        />
      )}
    </div>
  );
}

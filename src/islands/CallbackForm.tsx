import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  buildCallbackDefinition,
  buildRequestBody,
  endpointFromSite,
  validateCallback,
  type BestTimeChoice,
  type CallbackSettings,
  type FieldError,
} from '../domain/callback/index.ts';
import { clockTime, weekdayName } from '../domain/describe-hours.ts';
import { createFetchOpen311Client } from '../domain/open311/index.ts';
import type { Outbox, OutboxItem } from '../domain/outbox/index.ts';
import { openOutboxStore } from '../domain/outbox/idb-store.ts';
import { siteOutbox, syncWhenWaiting } from '../domain/outbox/web.ts';
import type { SearchIndexFile } from '../domain/search/documents.ts';
import { ErrorSummary } from '../components/form/ErrorSummary.tsx';
import { CallbackFields } from './CallbackFields.tsx';
import {
  answersThePhone,
  fieldId,
  initialValues,
  valuesFromRequest,
  type CallbackValues,
} from './callback-values.ts';
import { CallbackStatus, type CallbackLine } from './CallbackStatus.tsx';
import { useHydrated } from './use-hydrated.ts';
import { translator, type Messages } from './format.ts';
import type { CALLBACK_FORM_KEYS } from './callback-form-keys.ts';

export interface CallbackFormProps {
  locale: string;
  strings: Messages<typeof CALLBACK_FORM_KEYS>;
  settings: CallbackSettings;
  intake: {
    endpoint: string;
    service_code: string;
    api_key: string;
    jurisdiction_id?: string | undefined;
  };
  paths: Array<{ slug: string; title: string }>;
  locales: Array<{ code: string; name: string }>;
  hotline: CallbackLine;
  emergency: CallbackLine;
  familiesUrl: string;
  /** The search index, read only to name the place a request is about. */
  indexUrl: string;
}

/**
 * "Request a callback": validated with the same code as the intake server, then handed to
 * the outbox, which keeps it on the device until 311 has it. Nothing typed here is lost to a
 * bad connection, and nothing personal stays on the device once it is delivered.
 */
export default function CallbackForm(props: CallbackFormProps) {
  const { locale, settings } = props;
  const t = useMemo(() => translator(props.strings, locale), [props.strings, locale]);
  const hydrated = useHydrated();
  const callback = useMemo(() => buildCallbackDefinition(settings), [settings]);
  const localeCodes = props.locales.map((l) => l.code);
  const pathSlugs = props.paths.map((p) => p.slug);
  // The first render matches the HTML drawn at build time; what the link asks for
  // (`?for=someone-else&path=…`) is filled in once the island runs.
  const [values, setValues] = useState<CallbackValues>(() =>
    initialValues(locale, '', localeCodes, pathSlugs),
  );
  useEffect(() => {
    setValues(initialValues(locale, location.search, localeCodes, pathSlugs));
  }, []);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [items, setItems] = useState<readonly OutboxItem[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [showForm, setShowForm] = useState(true);
  const [busy, setBusy] = useState(false);
  const [providerName, setProviderName] = useState<string | null>(null);
  const [botReceipt, setBotReceipt] = useState(false);
  // The city's own definition says which optional questions it takes; until it answers (or if
  // it cannot be reached) every question is asked, and the server ignores none of ours.
  const [asked, setAsked] = useState<ReadonlySet<string> | null>(null);
  const outbox = useRef<Outbox | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const statusHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let stopped = false;
    const onOnline = () => void outbox.current?.retryNow();
    void openOutboxStore().then(({ store }) => {
      if (stopped) return;
      // The same sender as the notice on other pages and the service worker, under one lock.
      const box = siteOutbox(
        {
          endpoint: props.intake.endpoint,
          jurisdictionId: props.intake.jurisdiction_id,
          timeZone: settings.timeZone,
          specialistsWeek: settings.specialistsWeek,
        },
        store,
      );
      outbox.current = box;
      syncWhenWaiting(box);
      box.subscribe((next) => {
        setItems(next);
        // Something already waiting or answered from an earlier visit is shown first.
        if (next.some((item) => item.state !== 'needs-attention')) setShowForm(false);
        // A receipt shown here is not announced again by the notice on the next page.
        for (const item of next) {
          if (item.state === 'delivered' && !item.noticed) void box.markNoticed(item.id);
        }
      });
      void box.start();
      addEventListener('online', onOnline);
    });
    return () => {
      stopped = true;
      removeEventListener('online', onOnline);
      outbox.current?.stop();
    };
  }, []);

  // Asked when the person starts on the form, not on page load: merely opening this page tells
  // the city's server nothing.
  const discovered = useRef(false);
  const discover = () => {
    if (discovered.current) return;
    discovered.current = true;
    createFetchOpen311Client({
      endpoint: props.intake.endpoint,
      jurisdictionId: props.intake.jurisdiction_id,
    })
      .definition(props.intake.service_code)
      .then((definition) =>
        setAsked(new Set(definition.attributes.filter((a) => a.variable).map((a) => a.code))),
      )
      .catch(() => setAsked(null));
  };

  // Name the place a request is about, from the public search index.
  useEffect(() => {
    if (!values.provider) return;
    fetch(props.indexUrl)
      .then((response) => (response.ok ? (response.json() as Promise<SearchIndexFile>) : null))
      .then((file) =>
        setProviderName(file?.docs.find((doc) => doc.i === values.provider)?.n ?? null),
      )
      .catch(() => setProviderName(null));
  }, [values.provider, props.indexUrl]);

  const change = (next: Partial<CallbackValues>) =>
    setValues((current) => ({ ...current, ...next }));

  const describeBestTime = (choice: BestTimeChoice) => {
    const days = [...choice.days].sort((a, b) => a - b);
    const first = days[0] ?? 0;
    const last = days.at(-1) ?? first;
    const dayText =
      first === last
        ? weekdayName(locale, first)
        : `${weekdayName(locale, first)}–${weekdayName(locale, last)}`;
    return t('callback.form.bestTimeWindow', {
      days: dayText,
      start: clockTime(locale, choice.start),
      end: clockTime(locale, choice.end % 1440),
    });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const result = validateCallback({ ...values }, callback);
    if (result.kind === 'invalid') {
      setErrors(result.errors);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setErrors([]);
    if (result.kind === 'bot') {
      setBotReceipt(true);
      setShowForm(false);
      return;
    }
    const box = outbox.current;
    if (!box) return;
    setBusy(true);
    const body = buildRequestBody(result.request, endpointFromSite(props.intake));
    try {
      if (editing) await box.revise(editing, result.request, body);
      else await box.add(result.request, body);
      setEditing(null);
      setShowForm(false);
      // The person's details now live only in the outbox, until 311 has them.
      setValues(initialValues(locale, '', localeCodes, []));
      requestAnimationFrame(() => statusHeading.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  const edit = (item: OutboxItem) => {
    if (item.state === 'delivered') return;
    setValues(valuesFromRequest(item.request));
    setErrors(item.problem?.fieldErrors ?? []);
    setEditing(item.id);
    setShowForm(true);
    requestAnimationFrame(
      () => summary.current?.focus() ?? document.getElementById(fieldId('for'))?.focus(),
    );
  };

  return (
    <div class="rf-callback" inert={!hydrated} data-hydrated={hydrated ? '' : undefined}>
      {(items.length > 0 || botReceipt) && (
        <CallbackStatus
          items={items}
          botReceipt={botReceipt}
          headingRef={statusHeading}
          locale={locale}
          timeZone={settings.timeZone}
          hotline={props.hotline}
          emergency={props.emergency}
          t={t}
          onRetry={() => void outbox.current?.retryNow()}
          onEdit={edit}
          onRemove={(id) => void outbox.current?.remove(id)}
          onAnother={() => {
            setBotReceipt(false);
            setEditing(null);
            setShowForm(true);
          }}
        />
      )}
      {showForm && (
        <form
          class="rf-callback__form"
          noValidate
          aria-labelledby="callback-form-title"
          onFocusCapture={discover}
          onSubmit={(event) => void submit(event)}
        >
          <h2 id="callback-form-title">{t('callback.form.onlineTitle')}</h2>
          {errors.length > 0 && (
            <ErrorSummary
              id="callback-error-title"
              title={t('callback.form.errorSummary')}
              focusRef={summary}
              errors={errors.map((error) => ({
                id: fieldId(error.field),
                message: t(`callback.errors.${error.code}`),
              }))}
            />
          )}
          <p>{t('callback.form.intro')}</p>
          <CallbackFields
            values={values}
            change={change}
            errors={errors}
            bestTimes={callback.bestTimes}
            locales={props.locales}
            paths={props.paths}
            providerName={providerName}
            describeBestTime={describeBestTime}
            asked={asked}
            familiesUrl={props.familiesUrl}
            t={t}
          />
          <section class="rf-panel" aria-labelledby="callback-data-title">
            <h3 class="rf-panel__title" id="callback-data-title">
              {t('callback.form.dataTitle')}
            </h3>
            <p>{t('callback.form.dataText')}</p>
          </section>
          <button type="submit" class="rf-button" disabled={busy}>
            {busy
              ? t('callback.form.saving')
              : t(
                  answersThePhone(values) === 'them'
                    ? 'callback.form.submitTheirs'
                    : 'callback.form.submit',
                )}
          </button>
        </form>
      )}
    </div>
  );
}

import type { BestTimeChoice } from '../domain/callback/best-time.ts';
import type { FieldError } from '../domain/callback/validate.ts';
import type { MessageKey, Translate } from './format.ts';

/** The form's values, by wire name, as the person has them now. */
export interface CallbackValues {
  for: string;
  first_name: string;
  phone: string;
  voicemail_ok: string;
  text_ok: string;
  best_time: string;
  language: string;
  paths: string[];
  area: string;
  provider: string;
  notes: string;
  consent: string;
  website: string;
}

export interface CallbackFieldsProps {
  values: CallbackValues;
  change: (values: Partial<CallbackValues>) => void;
  errors: FieldError[];
  bestTimes: BestTimeChoice[];
  locales: Array<{ code: string; name: string }>;
  paths: Array<{ slug: string; title: string }>;
  providerName: string | null;
  describeBestTime: (choice: BestTimeChoice) => string;
  /** The page for families and loved ones, offered to someone asking for another person. */
  familiesUrl: string;
  /** Attribute codes the city's service definition has; null asks every question. */
  asked: ReadonlySet<string> | null;
  t: Translate<MessageKey<typeof CALLBACK_FIELDS_KEYS>>;
}

/** The id of the input an error summary links to, for each field. */
export function fieldId(field: string): string {
  return `callback-${field.replace('_', '-')}`;
}

/**
 * The callback questions: real labels, fieldsets for groups, hints and errors tied to their
 * field with aria-describedby, so a screen reader hears the problem where it is.
 */
export function CallbackFields(props: CallbackFieldsProps) {
  const { values, change, errors, t } = props;
  /** An optional question is asked only if the service takes it. */
  const asks = (code: string) => props.asked === null || props.asked.has(code);
  const errorFor = (field: string) => errors.find((error) => error.field === field);
  const message = (field: string) => {
    const error = errorFor(field);
    return error ? (
      <p class="rf-field__error" id={`${fieldId(field)}-error`}>
        <span class="rf-visually-hidden">{t('callback.form.errorSummary')}: </span>
        {t(`callback.errors.${error.code}`)}
      </p>
    ) : null;
  };
  const described = (field: string, hint: boolean) =>
    [hint ? `${fieldId(field)}-hint` : '', errorFor(field) ? `${fieldId(field)}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  const fieldClass = (field: string) => `rf-field${errorFor(field) ? ' rf-field--error' : ''}`;

  const yesNo = (field: 'voicemail_ok' | 'text_ok', legend: string) => (
    <fieldset class={fieldClass(field)} aria-describedby={described(field, false)}>
      <legend class="rf-field__label">{legend}</legend>
      {message(field)}
      <div class="rf-choices rf-choices--inline">
        {(['yes', 'no'] as const).map((value) => (
          <label class="rf-check" key={value}>
            <input
              type="radio"
              name={field}
              value={value}
              id={value === 'yes' ? fieldId(field) : undefined}
              checked={values[field] === value}
              onChange={() => change({ [field]: value })}
            />{' '}
            {t(`callback.form.${value}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );

  return (
    <>
      <fieldset class={fieldClass('for')} aria-describedby={described('for', false)}>
        <legend class="rf-field__label">{t('callback.form.forLegend')}</legend>
        {message('for')}
        <div class="rf-choices">
          <label class="rf-check">
            <input
              type="radio"
              name="for"
              value="me"
              id={fieldId('for')}
              checked={values.for === 'me'}
              onChange={() => change({ for: 'me' })}
            />{' '}
            {t('callback.form.forMe')}
          </label>
          <label class="rf-check">
            <input
              type="radio"
              name="for"
              value="someone-else"
              checked={values.for === 'someone-else'}
              onChange={() => change({ for: 'someone-else' })}
            />{' '}
            {t('callback.form.forSomeoneElse')}
          </label>
        </div>
      </fieldset>

      {values.for === 'someone-else' && (
        <div class={`rf-panel rf-panel--notice ${fieldClass('consent')}`}>
          <p>{t('callback.form.someoneElseGuidance')}</p>
          <p>
            <a href={props.familiesUrl}>{t('home.someoneLink')}</a>
          </p>
          {message('consent')}
          <label class="rf-check">
            <input
              type="checkbox"
              name="consent"
              value="yes"
              id={fieldId('consent')}
              aria-describedby={described('consent', false)}
              checked={values.consent === 'yes'}
              onChange={(event) => change({ consent: event.currentTarget.checked ? 'yes' : '' })}
            />{' '}
            {t('callback.form.consent')}
          </label>
        </div>
      )}

      <div class={fieldClass('first_name')}>
        <label class="rf-field__label" for={fieldId('first_name')}>
          {t('callback.form.firstName')}
        </label>
        <p class="rf-field__hint" id={`${fieldId('first_name')}-hint`}>
          {t('callback.form.firstNameHint')}
        </p>
        {message('first_name')}
        <input
          class="rf-input"
          id={fieldId('first_name')}
          name="first_name"
          autocomplete="given-name"
          aria-describedby={described('first_name', true)}
          value={values.first_name}
          onInput={(event) => change({ first_name: event.currentTarget.value })}
        />
      </div>

      <div class={fieldClass('phone')}>
        <label class="rf-field__label" for={fieldId('phone')}>
          {t('callback.form.phone')}
        </label>
        <p class="rf-field__hint" id={`${fieldId('phone')}-hint`}>
          {t('callback.form.phoneHint')}
        </p>
        {message('phone')}
        <input
          class="rf-input rf-input--phone rf-ltr"
          id={fieldId('phone')}
          name="phone"
          type="tel"
          autocomplete="tel"
          inputMode="tel"
          aria-required="true"
          aria-invalid={errorFor('phone') ? 'true' : undefined}
          aria-describedby={described('phone', true)}
          value={values.phone}
          onInput={(event) => change({ phone: event.currentTarget.value })}
        />
      </div>

      {yesNo('voicemail_ok', t('callback.form.voicemailLegend'))}
      {yesNo('text_ok', t('callback.form.textLegend'))}

      {asks('best_time') && (
        <div class={fieldClass('best_time')}>
          <label class="rf-field__label" for={fieldId('best_time')}>
            {t('callback.form.bestTime')}
          </label>
          {message('best_time')}
          <select
            class="rf-input"
            id={fieldId('best_time')}
            name="best_time"
            aria-describedby={described('best_time', false)}
            value={values.best_time}
            onChange={(event) => change({ best_time: event.currentTarget.value })}
          >
            {props.bestTimes.map((choice) => (
              <option value={choice.key} key={choice.key}>
                {choice.key === 'any'
                  ? t('callback.form.bestTimeAny')
                  : props.describeBestTime(choice)}
              </option>
            ))}
          </select>
        </div>
      )}

      {asks('language') && (
        <div class={fieldClass('language')}>
          <label class="rf-field__label" for={fieldId('language')}>
            {t('callback.form.language')}
          </label>
          {message('language')}
          <select
            class="rf-input"
            id={fieldId('language')}
            name="language"
            aria-describedby={described('language', false)}
            value={values.language}
            onChange={(event) => change({ language: event.currentTarget.value })}
          >
            {props.locales.map((locale) => (
              <option value={locale.code} key={locale.code} lang={locale.code}>
                {locale.name}
              </option>
            ))}
            <option value="other">{t('callback.form.languageOther')}</option>
          </select>
        </div>
      )}

      {asks('paths') && (
        <fieldset class={fieldClass('paths')} aria-describedby={described('paths', true)}>
          <legend class="rf-field__label">{t('callback.form.pathsLegend')}</legend>
          <p class="rf-field__hint" id={`${fieldId('paths')}-hint`}>
            {t('callback.form.pathsHint')}
          </p>
          {message('paths')}
          <div class="rf-choices rf-choices--columns">
            {[...props.paths, { slug: 'not-sure', title: t('callback.form.pathsNotSure') }].map(
              (path, index) => (
                <label class="rf-check" key={path.slug}>
                  <input
                    type="checkbox"
                    name="paths"
                    value={path.slug}
                    id={index === 0 ? fieldId('paths') : undefined}
                    checked={values.paths.includes(path.slug)}
                    onChange={(event) =>
                      change({
                        paths: event.currentTarget.checked
                          ? [...values.paths, path.slug]
                          : values.paths.filter((slug) => slug !== path.slug),
                      })
                    }
                  />{' '}
                  {path.title}
                </label>
              ),
            )}
          </div>
        </fieldset>
      )}

      {asks('area') && (
        <div class={fieldClass('area')}>
          <label class="rf-field__label" for={fieldId('area')}>
            {t('callback.form.area')}
          </label>
          <p class="rf-field__hint" id={`${fieldId('area')}-hint`}>
            {t('callback.form.areaHint')}
          </p>
          {message('area')}
          <input
            class="rf-input rf-input--short"
            id={fieldId('area')}
            name="area"
            autocomplete="postal-code"
            aria-describedby={described('area', true)}
            value={values.area}
            onInput={(event) => change({ area: event.currentTarget.value })}
          />
        </div>
      )}

      {values.provider && (
        <div class={fieldClass('provider')}>
          {message('provider')}
          <p id={fieldId('provider')} tabIndex={-1}>
            {t('callback.form.about', { name: props.providerName ?? values.provider })}{' '}
            <button type="button" class="rf-link-button" onClick={() => change({ provider: '' })}>
              {t('callback.form.aboutRemove')}
            </button>
          </p>
        </div>
      )}

      {asks('notes') && (
        <div class={fieldClass('notes')}>
          <label class="rf-field__label" for={fieldId('notes')}>
            {t('callback.form.notes')}
          </label>
          <p class="rf-field__hint" id={`${fieldId('notes')}-hint`}>
            {t('callback.form.notesHint')}
          </p>
          {message('notes')}
          <textarea
            class="rf-input rf-input--text"
            id={fieldId('notes')}
            name="notes"
            rows={4}
            aria-describedby={described('notes', true)}
            value={values.notes}
            onInput={(event) => change({ notes: event.currentTarget.value })}
          />
        </div>
      )}

      {/* For bots only: people never see it, screen readers skip it, and filling it sends nothing. */}
      <div class="rf-honeypot" aria-hidden="true">
        <label for={fieldId('website')}>{t('callback.form.honeypot')}</label>
        <input
          id={fieldId('website')}
          name="website"
          tabIndex={-1}
          autocomplete="off"
          value={values.website}
          onInput={(event) => change({ website: event.currentTarget.value })}
        />
      </div>
    </>
  );
}

/** Every error code's message: shown beside its field here and in the form's error summary. */
export const CALLBACK_ERROR_KEYS = [
  'callback.errors.for.required',
  'callback.errors.for.invalid',
  'callback.errors.first_name.tooLong',
  'callback.errors.phone.required',
  'callback.errors.phone.invalid',
  'callback.errors.phone.extension',
  'callback.errors.voicemail_ok.required',
  'callback.errors.voicemail_ok.invalid',
  'callback.errors.text_ok.required',
  'callback.errors.text_ok.invalid',
  'callback.errors.best_time.invalid',
  'callback.errors.language.invalid',
  'callback.errors.paths.unknown',
  'callback.errors.area.invalid',
  'callback.errors.provider.invalid',
  'callback.errors.notes.tooLong',
  'callback.errors.consent.required',
] as const;

export const CALLBACK_FIELDS_KEYS = [
  CALLBACK_ERROR_KEYS,
  'callback.form.errorSummary',
  'callback.form.yes',
  'callback.form.no',
  'callback.form.forLegend',
  'callback.form.forMe',
  'callback.form.forSomeoneElse',
  'callback.form.someoneElseGuidance',
  'home.someoneLink',
  'callback.form.consent',
  'callback.form.firstName',
  'callback.form.firstNameHint',
  'callback.form.phone',
  'callback.form.phoneHint',
  'callback.form.voicemailLegend',
  'callback.form.textLegend',
  'callback.form.bestTime',
  'callback.form.bestTimeAny',
  'callback.form.language',
  'callback.form.languageOther',
  'callback.form.pathsLegend',
  'callback.form.pathsHint',
  'callback.form.pathsNotSure',
  'callback.form.area',
  'callback.form.areaHint',
  'callback.form.about',
  'callback.form.aboutRemove',
  'callback.form.notes',
  'callback.form.notesHint',
  'callback.form.honeypot',
] as const;

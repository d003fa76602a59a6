import type { BestTimeChoice } from '../domain/callback/best-time.ts';
import { NOTES_MAX_LENGTH } from '../domain/callback/definition.ts';
import type { FieldError } from '../domain/callback/validate.ts';
import { Checkboxes } from '../components/form/Checkboxes.tsx';
import { Choice } from '../components/form/Choice.tsx';
import { Field, type FieldProblem } from '../components/form/Field.tsx';
import { Radios } from '../components/form/Radios.tsx';
import { Select } from '../components/form/Select.tsx';
import { Textarea } from '../components/form/Textarea.tsx';
import { TextInput } from '../components/form/TextInput.tsx';
import { answersThePhone, fieldId, type CallbackValues } from './callback-values.ts';
import type { MessageKey, Translate } from './format.ts';
import './CallbackFields.css';

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

/**
 * The callback questions, drawn with the form components, which tie each hint and error to
 * its field; here only what is asked, in which words, and where each answer goes.
 */
export function CallbackFields(props: CallbackFieldsProps) {
  const { values, change, errors, t } = props;
  // Each question about the phone names whose phone it is (GOV.UK's "your"/"their" pattern).
  const theirs = answersThePhone(values) === 'them';
  /** An optional question is asked only if the service takes it. */
  const asks = (code: string) => props.asked === null || props.asked.has(code);
  /** The message beside a field, in the words the summary uses for it. */
  const problem = (field: string): FieldProblem => {
    const error = errors.find((candidate) => candidate.field === field);
    return {
      error: error ? t(`callback.errors.${error.code}`) : undefined,
      errorPrefix: t('callback.form.errorSummary'),
    };
  };

  const yesNo = (field: 'voicemail_ok' | 'text_ok', legend: string) => (
    <Radios
      id={fieldId(field)}
      name={field}
      legend={legend}
      layout="inline"
      options={[
        { value: 'yes', label: t('callback.form.yes') },
        { value: 'no', label: t('callback.form.no') },
      ]}
      value={values[field]}
      onChange={(value) => change({ [field]: value })}
      {...problem(field)}
    />
  );

  return (
    <>
      <Radios
        id={fieldId('for')}
        name="for"
        legend={t('callback.form.forLegend')}
        options={[
          { value: 'me', label: t('callback.form.forMe') },
          { value: 'someone-else', label: t('callback.form.forSomeoneElse') },
        ]}
        value={values.for}
        onChange={(value) => change({ for: value })}
        {...problem('for')}
      />

      {values.for === 'someone-else' && (
        <div class="rf-panel rf-panel--notice">
          <p>{t('callback.form.someoneElseGuidance')}</p>
          <p>
            <a href={props.familiesUrl}>{t('home.someoneLink')}</a>
          </p>
        </div>
      )}

      {values.for === 'someone-else' && (
        <Radios
          id={fieldId('phone_owner')}
          name="phone_owner"
          legend={t('callback.form.phoneOwnerLegend')}
          options={[
            { value: 'mine', label: t('callback.form.phoneOwnerMine') },
            { value: 'theirs', label: t('callback.form.phoneOwnerTheirs') },
          ]}
          value={values.phone_owner}
          onChange={(value) => change({ phone_owner: value })}
          {...problem('phone_owner')}
        />
      )}

      {theirs && (
        <Field id={fieldId('consent')} class="rf-panel rf-panel--notice" {...problem('consent')}>
          {(control) => (
            <Choice
              type="checkbox"
              name="consent"
              value="yes"
              {...control}
              checked={values.consent === 'yes'}
              onChange={(checked) => change({ consent: checked ? 'yes' : '' })}
            >
              {t('callback.form.consent')}
            </Choice>
          )}
        </Field>
      )}

      <TextInput
        id={fieldId('first_name')}
        name="first_name"
        label={t(theirs ? 'callback.form.firstNameTheirs' : 'callback.form.firstName')}
        hint={t('callback.form.firstNameHint')}
        autocomplete="given-name"
        value={values.first_name}
        onInput={(value) => change({ first_name: value })}
        {...problem('first_name')}
      />

      <TextInput
        id={fieldId('phone')}
        name="phone"
        label={t(theirs ? 'callback.form.phoneTheirs' : 'callback.form.phone')}
        hint={t('callback.form.phoneHint')}
        type="tel"
        autocomplete="tel"
        inputMode="tel"
        required
        width="phone"
        ltr
        value={values.phone}
        onInput={(value) => change({ phone: value })}
        {...problem('phone')}
      />

      {yesNo(
        'voicemail_ok',
        t(theirs ? 'callback.form.voicemailLegendTheirs' : 'callback.form.voicemailLegend'),
      )}
      {yesNo('text_ok', t(theirs ? 'callback.form.textLegendTheirs' : 'callback.form.textLegend'))}

      {asks('best_time') && (
        <Select
          id={fieldId('best_time')}
          name="best_time"
          label={t('callback.form.bestTime')}
          options={props.bestTimes.map((choice) => ({
            value: choice.key,
            label:
              choice.key === 'any'
                ? t('callback.form.bestTimeAny')
                : props.describeBestTime(choice),
          }))}
          value={values.best_time}
          onChange={(value) => change({ best_time: value })}
          {...problem('best_time')}
        />
      )}

      {asks('language') && (
        <Select
          id={fieldId('language')}
          name="language"
          label={t('callback.form.language')}
          options={[
            ...props.locales.map((locale) => ({
              value: locale.code,
              label: locale.name,
              lang: locale.code,
            })),
            { value: 'other', label: t('callback.form.languageOther') },
          ]}
          value={values.language}
          onChange={(value) => change({ language: value })}
          {...problem('language')}
        />
      )}

      {asks('paths') && (
        <Checkboxes
          id={fieldId('paths')}
          name="paths"
          legend={t('callback.form.pathsLegend')}
          hint={t('callback.form.pathsHint')}
          layout="columns"
          options={[
            ...props.paths.map((path) => ({ value: path.slug, label: path.title })),
            { value: 'not-sure', label: t('callback.form.pathsNotSure') },
          ]}
          values={values.paths}
          onChange={(paths) => change({ paths })}
          {...problem('paths')}
        />
      )}

      {asks('area') && (
        <TextInput
          id={fieldId('area')}
          name="area"
          label={t('callback.form.area')}
          hint={t(theirs ? 'callback.form.areaHintTheirs' : 'callback.form.areaHint')}
          autocomplete="postal-code"
          width="short"
          value={values.area}
          onInput={(value) => change({ area: value })}
          {...problem('area')}
        />
      )}

      {values.provider && (
        // Not a question: the place the request is about, which the person can take away.
        <Field id={fieldId('provider')} {...problem('provider')}>
          {({ id }) => (
            <p id={id} tabIndex={-1}>
              {t('callback.form.about', { name: props.providerName ?? values.provider })}{' '}
              <button type="button" class="rf-link-button" onClick={() => change({ provider: '' })}>
                {t('callback.form.aboutRemove')}
              </button>
            </p>
          )}
        </Field>
      )}

      {asks('notes') && (
        <Textarea
          id={fieldId('notes')}
          name="notes"
          label={t('callback.form.notes')}
          hint={t('callback.form.notesHint')}
          rows={4}
          limit={{
            max: NOTES_MAX_LENGTH,
            left: (count) => t('callback.form.notesLeft', { count }),
            cut: t('callback.form.notesCut', { max: NOTES_MAX_LENGTH }),
          }}
          value={values.notes}
          onInput={(value) => change({ notes: value })}
          {...problem('notes')}
        />
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
  'callback.errors.phone_owner.required',
  'callback.errors.phone_owner.invalid',
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
  'callback.form.phoneOwnerLegend',
  'callback.form.phoneOwnerMine',
  'callback.form.phoneOwnerTheirs',
  'callback.form.consent',
  'callback.form.firstName',
  'callback.form.firstNameTheirs',
  'callback.form.firstNameHint',
  'callback.form.phone',
  'callback.form.phoneTheirs',
  'callback.form.phoneHint',
  'callback.form.voicemailLegend',
  'callback.form.voicemailLegendTheirs',
  'callback.form.textLegend',
  'callback.form.textLegendTheirs',
  'callback.form.bestTime',
  'callback.form.bestTimeAny',
  'callback.form.language',
  'callback.form.languageOther',
  'callback.form.pathsLegend',
  'callback.form.pathsHint',
  'callback.form.pathsNotSure',
  'callback.form.area',
  'callback.form.areaHint',
  'callback.form.areaHintTheirs',
  'callback.form.about',
  'callback.form.aboutRemove',
  'callback.form.notes',
  'callback.form.notesHint',
  'callback.form.notesLeft',
  'callback.form.notesCut',
  'callback.form.honeypot',
] as const;

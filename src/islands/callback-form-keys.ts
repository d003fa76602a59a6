import { CALLBACK_FIELDS_KEYS } from './CallbackFields.tsx';
import { CALLBACK_STATUS_KEYS } from './CallbackStatus.tsx';

/**
 * The messages the callback island is given: CallbackForm.tsx's own, its fields' and its
 * status's. Kept out of CallbackForm.tsx: an island's module is a script entry, whose exports
 * all reach the phone.
 */
export const CALLBACK_FORM_KEYS = [
  'callback.form.bestTimeWindow',
  'callback.form.onlineTitle',
  'callback.form.errorSummary',
  'callback.form.intro',
  'callback.form.dataTitle',
  'callback.form.dataText',
  'callback.form.saving',
  'callback.form.submit',
  'callback.form.submitTheirs',
  CALLBACK_FIELDS_KEYS,
  CALLBACK_STATUS_KEYS,
] as const;

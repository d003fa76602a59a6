import { REQUEST_STATUS_RESULT_KEYS } from './RequestStatusResult.tsx';

/**
 * The messages the status page's island is given: CallbackLookup.tsx's own and its result's.
 * Kept out of CallbackLookup.tsx: an island's module is a script entry, whose exports all
 * reach the phone.
 */
export const CALLBACK_LOOKUP_KEYS = [
  'callbackStatus.idLabel',
  'callbackStatus.idHint',
  'callbackStatus.idRequired',
  'callbackStatus.errorPrefix',
  'callbackStatus.submit',
  'callbackStatus.checking',
  REQUEST_STATUS_RESULT_KEYS,
] as const;

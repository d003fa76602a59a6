import {
  buildCallbackDefinition,
  callbackSettingsFromSite,
  type CallbackDefinition,
} from '../../src/domain/callback/definition.ts';
import { toWeeklyIntervals } from '../../src/domain/opening-hours.ts';
import { validateCallback, type CallbackRequest } from '../../src/domain/callback/validate.ts';

export const BOSTON_HOURS = 'Mo-Fr 08:00-18:00; Sa,Su 12:00-16:00';
export const PATHS = ['methadone', 'buprenorphine', 'detox', 'harm-reduction'];

/** A Boston-like deployment, independent of content/ (which other people edit). */
export function bostonDefinition(hours = BOSTON_HOURS): CallbackDefinition {
  return buildCallbackDefinition(
    callbackSettingsFromSite(
      {
        country: 'US',
        time_zone: 'America/New_York',
        locales: ['en', 'es'],
        intake: { service_code: 'recovery-callback' },
        specialists: { name: 'PAATHS' },
        neighbourhoods: { dorchester: { name: 'Dorchester' }, 'back-bay': { name: 'Back Bay' } },
        postal_code: String.raw`^(\d{5})(?:-\d{4})?$`,
      },
      PATHS,
      toWeeklyIntervals(hours),
    ),
  );
}

/** A complete, valid set of form fields; tests change one thing at a time. */
export function validFields(): Record<string, string | string[]> {
  return {
    for: 'someone-else',
    phone_owner: 'theirs',
    first_name: 'Dana',
    phone: '(617) 555-0123',
    voicemail_ok: 'no',
    text_ok: 'yes',
    best_time: 'weekday-morning',
    language: 'es',
    paths: ['detox', 'methadone'],
    area: '02125',
    provider: 'boston-paaths',
    notes: 'Please ask for Dana.\r\nShe works nights.',
    consent: 'yes',
  };
}

/** A valid, normalised request (Dana's, for someone else at her own number), with changes. */
export function validRequest(overrides: Record<string, string | string[]> = {}): CallbackRequest {
  const result = validateCallback({ ...validFields(), ...overrides }, bostonDefinition());
  if (result.kind !== 'valid') throw new Error('fixture request is not valid');
  return result.request;
}

/** The Open311 settings the outbox tests send with. */
export const TEST_ENDPOINT = { serviceCode: 'recovery-callback', apiKey: 'dev-public-web-client' };

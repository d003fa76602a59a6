import { describe, expect, it } from 'vitest';
import {
  CALLBACK_DESCRIPTION,
  buildRequestBody,
  fieldsFromRequestBody,
} from '../../src/domain/callback/request.ts';
import {
  FIELD_ERROR_DESCRIPTIONS,
  answererOf,
  describeFieldError,
  validateCallback,
  type CallbackRequest,
  type RawCallbackFields,
} from '../../src/domain/callback/validate.ts';
import { bostonDefinition, validFields } from './callback-helpers.ts';

const callback = bostonDefinition();
const check = (fields: RawCallbackFields) => validateCallback(fields, callback);
const errorsOf = (fields: RawCallbackFields) => {
  const result = check(fields);
  return result.kind === 'invalid' ? result.errors.map((e) => `${e.field}:${e.code}`) : [];
};
const valid = (fields: RawCallbackFields): CallbackRequest => {
  const result = check(fields);
  if (result.kind !== 'valid') throw new Error(`not valid: ${JSON.stringify(result)}`);
  return result.request;
};

describe('validateCallback', () => {
  it('normalises a complete request', () => {
    expect(valid(validFields())).toEqual({
      forWhom: 'someone-else',
      phoneOwner: 'theirs',
      firstName: 'Dana',
      phone: '+16175550123',
      voicemailOk: false,
      textOk: true,
      bestTime: 'weekday-morning',
      language: 'es',
      paths: ['methadone', 'detox'], // definition order, not click order
      area: '02125',
      provider: 'boston-paaths',
      notes: 'Please ask for Dana.\nShe works nights.',
      consent: true,
    });
  });

  it('needs only who, phone, voicemail and text; best time defaults to any', () => {
    const request = valid({ for: 'me', phone: '617 555 0123', voicemail_ok: 'yes', text_ok: 'no' });
    expect(request).toEqual({
      forWhom: 'me',
      phone: '+16175550123',
      voicemailOk: true,
      textOk: false,
      bestTime: 'any',
      paths: [],
      consent: false,
    });
  });

  it('reports every missing required field at once, as stable codes', () => {
    expect(errorsOf({})).toEqual([
      'for:for.required',
      'phone:phone.required',
      'voicemail_ok:voicemail_ok.required',
      'text_ok:text_ok.required',
    ]);
  });

  it('reads phones for the deployment country and writes E.164', () => {
    for (const phone of ['6175550123', '617-555-0123', '+1 617 555 0123', '1 (617) 555-0123']) {
      expect(valid({ ...validFields(), phone }).phone).toBe('+16175550123');
    }
    expect(valid({ ...validFields(), phone: '+44 20 7946 0958' }).phone).toBe('+442079460958');
    for (const phone of ['555', '12345678901234', 'call me', '617-555-012']) {
      expect(errorsOf({ ...validFields(), phone })).toEqual(['phone:phone.invalid']);
    }
    expect(errorsOf({ ...validFields(), phone: '617-555-0123 ext. 12' })).toEqual([
      'phone:phone.extension',
    ]);
  });

  it('asks whose number it is when the callback is for someone else, and only then', () => {
    expect(errorsOf({ ...validFields(), phone_owner: '' })).toEqual([
      'phone_owner:phone_owner.required',
    ]);
    expect(errorsOf({ ...validFields(), phone_owner: 'neighbour' })).toEqual([
      'phone_owner:phone_owner.invalid',
    ]);
    // For "me" the number is the person's own, whatever a client sends.
    const forMe = valid({ ...validFields(), for: 'me', phone_owner: 'theirs', consent: '' });
    expect(forMe.phoneOwner).toBeUndefined();
  });

  it('needs no consent when the number is the asker’s own: nobody else is called', () => {
    const mine = valid({ ...validFields(), phone_owner: 'mine', consent: '' });
    expect(mine).toMatchObject({ forWhom: 'someone-else', phoneOwner: 'mine', consent: false });
    expect(answererOf(mine)).toBe('asker');
    expect(answererOf(valid(validFields()))).toBe('them');
  });

  it('requires consent only when the callback is for someone else', () => {
    expect(errorsOf({ ...validFields(), consent: '' })).toEqual(['consent:consent.required']);
    expect(errorsOf({ ...validFields(), consent: 'no' })).toEqual(['consent:consent.required']);
    const forMe = valid({ ...validFields(), for: 'me', consent: '' });
    expect(forMe.consent).toBe(false);
  });

  it('refuses values outside the lists', () => {
    expect(
      errorsOf({
        ...validFields(),
        for: 'neighbour',
        voicemail_ok: 'maybe',
        best_time: 'midnight',
        language: 'fr',
        paths: ['detox', 'ayahuasca'],
      }),
    ).toEqual([
      'for:for.invalid',
      'voicemail_ok:voicemail_ok.invalid',
      'best_time:best_time.invalid',
      'language:language.invalid',
      'paths:paths.unknown',
    ]);
    expect(valid({ ...validFields(), language: 'other', paths: ['not-sure'] })).toMatchObject({
      language: 'other',
      paths: ['not-sure'],
    });
  });

  it('limits notes to 1,000 characters, counting a line break once', () => {
    const line = 'x'.repeat(99);
    const tenLines = Array(10).fill(line).join('\r\n'); // 990 + 9 breaks = 999
    expect(valid({ ...validFields(), notes: tenLines }).notes).toHaveLength(999);
    expect(valid({ ...validFields(), notes: '🙂'.repeat(1000) }).notes).toBeDefined();
    expect(errorsOf({ ...validFields(), notes: 'y'.repeat(1001) })).toEqual([
      'notes:notes.tooLong',
    ]);
  });

  it('takes an area as a ZIP or a neighbourhood, never an address', () => {
    expect(valid({ ...validFields(), area: '02125-3301' }).area).toBe('02125');
    expect(valid({ ...validFields(), area: 'back bay' }).area).toBe('back-bay');
    expect(valid({ ...validFields(), area: 'Dorchester' }).area).toBe('dorchester');
    expect(errorsOf({ ...validFields(), area: '12 Main St, Dorchester' })).toEqual([
      'area:area.invalid',
    ]);
  });

  it('cleans text: control characters out, spaces collapsed, empty optionals dropped', () => {
    const request = valid({
      ...validFields(),
      first_name: '  Dana\u0000  Lee ',
      notes: '   ',
      area: '',
      provider: '',
    });
    expect(request.firstName).toBe('Dana Lee');
    expect(request).not.toHaveProperty('notes');
    expect(request).not.toHaveProperty('area');
    expect(request).not.toHaveProperty('provider');
    expect(errorsOf({ ...validFields(), provider: '../etc' })).toEqual([
      'provider:provider.invalid',
    ]);
    expect(errorsOf({ ...validFields(), first_name: 'D'.repeat(101) })).toEqual([
      'first_name:first_name.tooLong',
    ]);
  });

  it('refuses several values for a single-value field', () => {
    expect(errorsOf({ ...validFields(), for: ['me', 'someone-else'] })).toEqual([
      'for:for.invalid',
    ]);
  });

  it('treats a filled honeypot as a bot, whatever else is filled in', () => {
    expect(check({ website: 'http://spam.example' })).toEqual({ kind: 'bot' });
    expect(check({ ...validFields(), website: 'x' })).toEqual({ kind: 'bot' });
    expect(check({ ...validFields(), website: '' }).kind).toBe('valid');
  });

  it('has an English description for every code', () => {
    for (const code of Object.keys(FIELD_ERROR_DESCRIPTIONS)) {
      expect(describeFieldError(code as keyof typeof FIELD_ERROR_DESCRIPTIONS)).toMatch(/\.$/);
    }
  });
});

describe('buildRequestBody', () => {
  const endpoint = { serviceCode: 'recovery-callback', apiKey: 'dev-public-web-client' };

  it('sends the fixed description, the details as first_name/phone/attributes, no location', () => {
    const body = buildRequestBody(valid(validFields()), endpoint);
    const params = new URLSearchParams(body);
    expect([...params]).toEqual([
      ['api_key', 'dev-public-web-client'],
      ['service_code', 'recovery-callback'],
      ['first_name', 'Dana'],
      ['phone', '+16175550123'],
      ['description', CALLBACK_DESCRIPTION],
      ['attribute[for]', 'someone-else'],
      ['attribute[phone_owner]', 'theirs'],
      ['attribute[voicemail_ok]', 'no'],
      ['attribute[text_ok]', 'yes'],
      ['attribute[best_time]', 'weekday-morning'],
      ['attribute[language]', 'es'],
      ['attribute[paths][]', 'methadone'],
      ['attribute[paths][]', 'detox'],
      ['attribute[area]', '02125'],
      ['attribute[provider]', 'boston-paaths'],
      ['attribute[notes]', 'Please ask for Dana.\nShe works nights.'],
      ['attribute[consent]', 'yes'],
    ]);
    expect(body).toContain('attribute%5Bpaths%5D%5B%5D=methadone&attribute%5Bpaths%5D%5B%5D=detox');
    for (const name of [
      'lat',
      'long',
      'address_string',
      'address_id',
      'email',
      'jurisdiction_id',
    ]) {
      expect(params.has(name)).toBe(false);
    }
  });

  it('leaves empty optionals out and adds jurisdiction_id only when configured', () => {
    const minimal = valid({ for: 'me', phone: '6175550123', voicemail_ok: 'yes', text_ok: 'yes' });
    const params = new URLSearchParams(
      buildRequestBody(minimal, { ...endpoint, jurisdictionId: 'boston.gov' }),
    );
    expect(params.get('jurisdiction_id')).toBe('boston.gov');
    expect([...params.keys()]).toEqual([
      'api_key',
      'service_code',
      'jurisdiction_id',
      'phone',
      'description',
      'attribute[for]',
      'attribute[voicemail_ok]',
      'attribute[text_ok]',
      'attribute[best_time]',
    ]);
  });

  it('round-trips through the server side parser to the same request', () => {
    const request = valid(validFields());
    const fields = fieldsFromRequestBody(new URLSearchParams(buildRequestBody(request, endpoint)));
    expect(valid(fields)).toEqual(request);
  });

  it('on the server side, ignores description, location and e-mail a client might send', () => {
    const params = new URLSearchParams(buildRequestBody(valid(validFields()), endpoint));
    params.set('description', 'I use heroin, call me at home');
    params.set('lat', '42.3');
    params.set('email', 'dana@example.com');
    const fields = fieldsFromRequestBody(params);
    expect(JSON.stringify(fields)).not.toMatch(/heroin|42\.3|dana@/);
  });
});

import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { Checkboxes } from '../../src/components/form/Checkboxes.tsx';
import { Choice } from '../../src/components/form/Choice.tsx';
import { ErrorSummary } from '../../src/components/form/ErrorSummary.tsx';
import { describedBy, Field } from '../../src/components/form/Field.tsx';
import { Radios } from '../../src/components/form/Radios.tsx';
import { Select } from '../../src/components/form/Select.tsx';
import { Textarea } from '../../src/components/form/Textarea.tsx';
import { TextInput } from '../../src/components/form/TextInput.tsx';

// The components are checked as the build draws them: HTML from preact-render-to-string (the
// renderer Astro uses for islands), read with small patterns rather than a DOM.

/** The attributes of every element of a tag, in document order. */
function elements(html: string, tag: string): Array<Record<string, string>> {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map(([, attributes]) =>
    Object.fromEntries(
      [...(attributes ?? '').matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [
        name!,
        value ?? '',
      ]),
    ),
  );
}

/** The attributes of the one element with this id. */
function byId(html: string, id: string): Record<string, string> {
  const found = ['input', 'select', 'textarea', 'p', 'h3', 'fieldset', 'div']
    .flatMap((tag) =>
      elements(html, tag).map((attributes): Record<string, string> => ({ tag, ...attributes })),
    )
    .filter((attributes) => attributes.id === id);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** The text of the element with this id, tags removed. */
function textOf(html: string, id: string): string {
  const match = new RegExp(`<(\\w+)[^>]*\\bid="${id}"[^>]*>(.*?)</\\1>`).exec(html);
  return (match?.[2] ?? '').replace(/<[^>]+>/g, '');
}

const ignore = () => undefined;
const problem = { error: 'Enter a phone number.', errorPrefix: 'There is a problem' };

describe('describedBy', () => {
  it('names the hint before the error, and nothing when there is neither', () => {
    expect(describedBy('f', true, true)).toBe('f-hint f-error');
    expect(describedBy('f', true, false)).toBe('f-hint');
    expect(describedBy('f', false, true)).toBe('f-error');
    expect(describedBy('f', false, false)).toBeUndefined();
  });
});

describe('TextInput', () => {
  const base = { id: 'phone', name: 'phone', label: 'Phone number', value: '', onInput: ignore };

  it('labels the input by its id and describes it by nothing when there is nothing to say', () => {
    const html = renderToString(h(TextInput, base));
    expect(elements(html, 'label')).toEqual([{ class: 'rf-field__label', for: 'phone' }]);
    const input = byId(html, 'phone');
    expect(input['aria-describedby']).toBeUndefined();
    expect(input['aria-invalid']).toBeUndefined();
    expect(elements(html, 'div')[0]!.class).toBe('rf-field');
  });

  it('is described by its hint', () => {
    const html = renderToString(h(TextInput, { ...base, hint: 'For example 617-555-0123.' }));
    expect(byId(html, 'phone')['aria-describedby']).toBe('phone-hint');
    expect(byId(html, 'phone-hint').class).toBe('rf-field__hint');
    expect(textOf(html, 'phone-hint')).toBe('For example 617-555-0123.');
  });

  it('with a problem: hint then error in the description, invalid, and the message in place', () => {
    const html = renderToString(
      h(TextInput, { ...base, hint: 'For example 617-555-0123.', ...problem }),
    );
    const input = byId(html, 'phone');
    expect(input['aria-describedby']).toBe('phone-hint phone-error');
    expect(input['aria-invalid']).toBe('true');
    expect(elements(html, 'div')[0]!.class).toBe('rf-field rf-field--error');
    expect(byId(html, 'phone-error').class).toBe('rf-field__error');
    expect(textOf(html, 'phone-error')).toBe('There is a problem: Enter a phone number.');
    expect(html).toContain(
      '<span class="rf-visually-hidden">There is a problem: </span>Enter a phone number.',
    );
    // Label, hint, error, input: the order a screen reader and an eye meet them.
    const order = ['<label', 'id="phone-hint"', 'id="phone-error"', '<input'].map((mark) =>
      html.indexOf(mark),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.every((at) => at >= 0)).toBe(true);
  });

  it('without a hint is described by its error alone', () => {
    const html = renderToString(h(TextInput, { ...base, ...problem }));
    expect(byId(html, 'phone')['aria-describedby']).toBe('phone-error');
    expect(html).not.toContain('phone-hint');
  });

  it('passes on what the answer is: type, autocomplete, keyboard, required, width, direction', () => {
    const html = renderToString(
      h(TextInput, {
        ...base,
        value: '617',
        type: 'tel',
        autocomplete: 'tel',
        inputMode: 'tel',
        required: true,
        width: 'phone',
        ltr: true,
      }),
    );
    expect(byId(html, 'phone')).toMatchObject({
      class: 'rf-input rf-input--phone rf-ltr',
      name: 'phone',
      type: 'tel',
      autocomplete: 'tel',
      inputmode: 'tel',
      'aria-required': 'true',
      value: '617',
    });
  });
});

describe('Textarea and Select', () => {
  it('a textarea is wired like a text input', () => {
    const html = renderToString(
      h(Textarea, {
        id: 'notes',
        name: 'notes',
        label: 'Anything else?',
        hint: 'Up to 1,000 characters.',
        value: '',
        onInput: ignore,
        ...problem,
      }),
    );
    expect(byId(html, 'notes')).toMatchObject({
      class: 'rf-input rf-input--text',
      rows: '4',
      'aria-describedby': 'notes-hint notes-error',
      'aria-invalid': 'true',
    });
    expect(elements(html, 'label')[0]!.for).toBe('notes');
  });

  it('a textarea with a limit refuses more while typing and says how many characters are left', () => {
    const html = renderToString(
      h(Textarea, {
        id: 'notes',
        name: 'notes',
        label: 'Anything else?',
        // A line break counts once, and an emoji as one character, as the validator counts.
        value: 'Ask for Dana.\r\n🙂',
        onInput: ignore,
        limit: { max: 20, left: (n: number) => `Characters left: ${n}`, cut: 'Cut.' },
      }),
    );
    expect(byId(html, 'notes')).toMatchObject({
      maxlength: '20',
      'aria-describedby': 'notes-count',
    });
    expect(textOf(html, 'notes-count')).toBe('Characters left: 5');
    // The polite live region starts empty: it speaks after a pause in typing, not on load.
    expect(html).toMatch(/<p class="rf-visually-hidden" aria-live="polite"><\/p>/);
  });

  it('a select is wired like a text input and marks its options’ languages', () => {
    const html = renderToString(
      h(Select, {
        id: 'language',
        name: 'language',
        label: 'Language for the call',
        options: [
          { value: 'en', label: 'English', lang: 'en' },
          { value: 'other', label: 'Another language' },
        ],
        value: 'other',
        onChange: ignore,
        ...problem,
      }),
    );
    expect(byId(html, 'language')).toMatchObject({
      class: 'rf-input',
      'aria-describedby': 'language-error',
      'aria-invalid': 'true',
    });
    expect(elements(html, 'option')).toEqual([
      { value: 'en', lang: 'en' },
      { value: 'other', selected: '' },
    ]);
  });
});

describe('Radios and Checkboxes', () => {
  const yesNo = [
    { value: 'yes', label: 'Yes' },
    { value: 'no', label: 'No' },
  ];

  it('radios: the fieldset is described (hint then error), the first radio takes the id', () => {
    const html = renderToString(
      h(Radios, {
        id: 'voicemail',
        name: 'voicemail_ok',
        legend: 'Is it safe to leave a voicemail?',
        hint: 'Someone else may hear it.',
        options: yesNo,
        value: 'no',
        onChange: ignore,
        layout: 'inline',
        ...problem,
      }),
    );
    expect(elements(html, 'fieldset')).toEqual([
      { class: 'rf-field rf-field--error', 'aria-describedby': 'voicemail-hint voicemail-error' },
    ]);
    expect(elements(html, 'legend')).toEqual([{ class: 'rf-field__label' }]);
    expect(elements(html, 'label').map((label) => label.class)).toEqual(['rf-check', 'rf-check']);
    // The choices keep only their own names; the group carries the question's description.
    expect(elements(html, 'input')).toEqual([
      { type: 'radio', name: 'voicemail_ok', value: 'yes', id: 'voicemail' },
      { type: 'radio', name: 'voicemail_ok', value: 'no', checked: '' },
    ]);
    expect(byId(html, 'voicemail-error').class).toBe('rf-field__error');
    expect(elements(html, 'div')).toEqual([{ class: 'rf-choices rf-choices--inline' }]);
  });

  it('radios with nothing to say describe nothing', () => {
    const html = renderToString(
      h(Radios, {
        id: 'for',
        name: 'for',
        legend: 'Who?',
        options: yesNo,
        value: '',
        onChange: ignore,
      }),
    );
    expect(elements(html, 'fieldset')).toEqual([{ class: 'rf-field' }]);
    expect(elements(html, 'div')).toEqual([{ class: 'rf-choices' }]);
    expect(html).not.toContain('checked');
  });

  it('checkboxes: ticked values, columns, the first box takes the id', () => {
    const html = renderToString(
      h(Checkboxes, {
        id: 'paths',
        name: 'paths',
        legend: 'What help are you thinking about?',
        hint: 'Choose any, or none.',
        options: [
          { value: 'detox', label: 'Detox' },
          { value: 'methadone', label: 'Methadone' },
          { value: 'not-sure', label: 'Not sure yet' },
        ],
        values: ['not-sure', 'detox'],
        onChange: ignore,
        layout: 'columns',
      }),
    );
    expect(elements(html, 'fieldset')[0]!['aria-describedby']).toBe('paths-hint');
    expect(elements(html, 'input')).toEqual([
      { type: 'checkbox', name: 'paths', value: 'detox', id: 'paths', checked: '' },
      { type: 'checkbox', name: 'paths', value: 'methadone' },
      { type: 'checkbox', name: 'paths', value: 'not-sure', checked: '' },
    ]);
    expect(elements(html, 'div')).toEqual([{ class: 'rf-choices rf-choices--columns' }]);
  });
});

describe('Field', () => {
  it('around a lone checkbox: no label of its own, guidance first, the box described and invalid', () => {
    const html = renderToString(
      h(Field, {
        id: 'consent',
        class: 'rf-panel rf-panel--notice',
        intro: h('p', { id: 'guidance' }, 'Ask them first.'),
        ...problem,
        children: (control) =>
          h(Choice, {
            type: 'checkbox',
            name: 'consent',
            value: 'yes',
            ...control,
            checked: false,
            onChange: ignore,
            children: 'They know about this request.',
          }),
      }),
    );
    expect(elements(html, 'div')[0]!.class).toBe(
      'rf-field rf-field--error rf-panel rf-panel--notice',
    );
    expect(elements(html, 'label')).toEqual([{ class: 'rf-check' }]);
    expect(byId(html, 'consent')).toMatchObject({
      type: 'checkbox',
      'aria-describedby': 'consent-error',
      'aria-invalid': 'true',
    });
    expect(html.indexOf('id="guidance"')).toBeLessThan(html.indexOf('id="consent-error"'));
    expect(html.indexOf('id="consent-error"')).toBeLessThan(html.indexOf('id="consent"'));
  });

  it('shows the message without the hidden prefix when none is given', () => {
    const html = renderToString(
      h(Field, {
        id: 'x',
        label: 'X',
        error: 'Wrong.',
        children: (control) => h('input', control),
      }),
    );
    expect(html).toContain('<p class="rf-field__error" id="x-error">Wrong.</p>');
  });
});

describe('ErrorSummary', () => {
  it('is an alert named by its heading, focusable, linking each problem to its field in order', () => {
    const html = renderToString(
      h(ErrorSummary, {
        id: 'summary-title',
        title: 'There is a problem',
        errors: [
          { id: 'callback-phone', message: 'Enter a phone number.' },
          { id: 'callback-voicemail-ok', message: 'Say whether it is safe to leave a voicemail.' },
        ],
      }),
    );
    expect(elements(html, 'div')).toEqual([
      {
        class: 'rf-error-summary',
        tabindex: '-1',
        role: 'alert',
        'aria-labelledby': 'summary-title',
      },
    ]);
    expect(textOf(html, 'summary-title')).toBe('There is a problem');
    expect(elements(html, 'a')).toEqual([
      { href: '#callback-phone' },
      { href: '#callback-voicemail-ok' },
    ]);
    expect([...html.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map(([, text]) => text)).toEqual([
      'Enter a phone number.',
      'Say whether it is safe to leave a voicemail.',
    ]);
  });
});

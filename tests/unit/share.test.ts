import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrSvg } from '../../src/domain/share/qr.ts';
import { shortCode, shortCodes } from '../../src/domain/share/short-code.ts';
import { SMS_LIMIT, smsHrefWithBody, smsText } from '../../src/domain/share/sms.ts';

/** Draws the SVG that qrSvg writes (one path of horizontal runs) into RGBA pixels. */
function rasterize(
  svg: string,
  scale = 4,
): { data: Uint8ClampedArray; width: number; height: number } {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  const d = /<path[^>]*stroke="#000000"[^>]*d="([^"]+)"/.exec(svg)?.[1] ?? '';
  const dark = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of d.matchAll(/([Mmh])\s*(-?[\d.]+)(?:\s+(-?[\d.]+))?/g)) {
    if (command === 'M') [x, y] = [Number(a), Number(b)];
    else if (command === 'm') [x, y] = [x + Number(a), y + Number(b)];
    else {
      for (let i = 0; i < Number(a); i++) dark[Math.floor(y)]![x + i] = true;
      x += Number(a);
    }
  }
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4);
  for (let py = 0; py < width; py++) {
    for (let px = 0; px < width; px++) {
      const value = dark[Math.floor(py / scale)]![Math.floor(px / scale)] ? 0 : 255;
      data.set([value, value, value, 255], (py * width + px) * 4);
    }
  }
  return { data, width, height: width };
}

describe('QR codes', () => {
  it('decode to the page URL', async () => {
    const url = 'https://recovery.example.org/es/p/4k7q2mz/';
    const image = rasterize(await qrSvg(url));
    expect(jsQR(image.data, image.width, image.height)?.data).toBe(url);
  });
});

describe('short codes', () => {
  it('are seven unambiguous characters and stable', () => {
    const code = shortCode('boston-medical-center-boston');
    expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{7}$/);
    expect(shortCode('boston-medical-center-boston')).toBe(code);
    expect(shortCode('boston-medical-center-bostom')).not.toBe(code);
  });

  it('refuse a collision instead of linking to the wrong place', () => {
    expect(shortCodes(['a', 'b', 'c']).size).toBe(3);
    const many = Array.from({ length: 15_000 }, (_, i) => `provider-${i}`);
    expect(shortCodes(many).size).toBe(15_000);
  });
});

describe('text messages', () => {
  const typical = {
    name: 'Boston Medical Center – Office Based Addiction Treatment Prog',
    call: 'Call 617-414-4110',
    address: '850 Harrison Avenue, Boston',
    today: 'Today 8:00 AM–5:00 PM',
    url: 'https://recovery.example.org/en/p/4k7q2mz/',
  };

  it('fit one SMS for a typical provider, keeping the number and the link', () => {
    const text = smsText(typical);
    expect([...text].length).toBeLessThanOrEqual(SMS_LIMIT);
    expect(text).toContain('617-414-4110');
    expect(text).toContain(typical.url);
  });

  it('drop today’s hours first, then the address, then shorten the name', () => {
    expect(smsText({ ...typical, name: 'Short name' })).toBe(
      'Short name. Call 617-414-4110. 850 Harrison Avenue, Boston. Today 8:00 AM–5:00 PM. https://recovery.example.org/en/p/4k7q2mz/',
    );
    expect(smsText(typical)).not.toContain('Today');
    const long = smsText({ ...typical, name: 'A'.repeat(200) });
    expect([...long].length).toBeLessThanOrEqual(SMS_LIMIT);
    expect(long).toMatch(/^A+…\. Call 617-414-4110\. https:/);
  });

  it('open the messages app with the text filled in', () => {
    expect(smsHrefWithBody('Hi & bye')).toBe('sms:?&body=Hi%20%26%20bye');
  });
});

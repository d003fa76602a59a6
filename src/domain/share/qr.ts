import QRCode from 'qrcode';

/**
 * A QR code for a link, as SVG. Medium error correction survives a creased printout; the
 * quiet zone of four modules is what phone cameras need to find the code.
 */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
}

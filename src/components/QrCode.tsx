import './QrCode.css';

export interface QrCodeProps {
  /** The code as SVG markup, made by domain/share/qr.ts from one of our own addresses. */
  svg: string;
  /** What the code opens, for people who cannot see it. */
  label: string;
}

/** A QR code to scan from another phone or from paper. */
export function QrCode({ svg, label }: QrCodeProps) {
  return (
    <div class="rf-qr" role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />
  );
}

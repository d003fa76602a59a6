import { useState } from 'preact/hooks';
import { QrCode } from '../components/QrCode.tsx';
import type { MessageKey, Translate } from './format.ts';

export const SHARE_VIEW_KEYS = ['share.share', 'share.copied', 'share.qr', 'share.print'] as const;

export interface ShareViewProps {
  /** The absolute address of the current view. */
  url: string;
  title: string;
  t: Translate<MessageKey<typeof SHARE_VIEW_KEYS>>;
}

/**
 * Share the current results: the phone's share sheet where there is one, else the link is
 * copied; a QR code drawn on the phone only when asked for; print for a handout.
 */
export function ShareView({ url, title, t }: ShareViewProps) {
  const [message, setMessage] = useState('');
  const [qr, setQr] = useState<string | null>(null);
  const [qrOpen, setQrOpen] = useState(false);

  const share = () => {
    if (navigator.share) {
      navigator.share({ title, url }).catch(() => undefined);
      return;
    }
    navigator.clipboard.writeText(url).then(
      () => setMessage(t('share.copied')),
      () => setMessage(url),
    );
  };

  const toggleQr = () => {
    const open = !qrOpen;
    setQrOpen(open);
    if (open) {
      setQr(null);
      // The QR library is loaded only by someone who wants a code.
      import('../domain/share/qr.ts')
        .then(({ qrSvg }) => qrSvg(url))
        .then(setQr)
        .catch(() => setMessage(url));
    }
  };

  return (
    <>
      <button type="button" class="rf-button rf-button--secondary" onClick={share}>
        {t('share.share')}
      </button>
      <button
        type="button"
        class="rf-button rf-button--secondary"
        aria-expanded={qrOpen}
        onClick={toggleQr}
      >
        {t('share.qr')}
      </button>
      <button type="button" class="rf-button rf-button--secondary" onClick={() => print()}>
        {t('share.print')}
      </button>
      <p role="status" class="rf-share__status">
        {message}
      </p>
      {/* The SVG is generated on this device by the qrcode library from our own URL. */}
      {qrOpen && qr && <QrCode svg={qr} label={url} />}
    </>
  );
}

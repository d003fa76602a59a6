import type { HTMLAttributes as ElementAttributes, JSX } from 'preact';
import { directionsUrl, type AddressLike } from '../domain/directions.ts';
import type { Translate } from './types.ts';

// A custom element joins the elements Preact knows, which it declares in its JSX namespace.
declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- only a namespace can extend it
  namespace JSX {
    interface IntrinsicElements {
      'rf-directions': ElementAttributes<HTMLElement> & { 'data-apple'?: string };
    }
  }
}

export interface DirectionsLinkProps {
  address: AddressLike;
  t: Translate;
}

/**
 * Directions in the phone's maps app. The link opens Google Maps, which works everywhere;
 * DirectionsLink.client.ts, loaded by the page, swaps in Apple Maps on Apple devices.
 */
export function DirectionsLink({ address, t }: DirectionsLinkProps): JSX.Element {
  return (
    <rf-directions data-apple={directionsUrl(address, 'apple')}>
      <a class="rf-button rf-button--secondary" href={directionsUrl(address)} rel="noopener">
        {t('provider.directions')}
      </a>
    </rf-directions>
  );
}

export interface AddressLike {
  street: string;
  street2?: string | undefined;
  city: string;
  region: string;
  postal_code: string;
  country: string;
}

/** One line a maps app can search for; the suite line is left out because it confuses geocoders. */
export function addressLine(address: AddressLike): string {
  // A register's address may have no region line (a UK one rarely does): no gap is left for it.
  const regionAndCode = [address.region, address.postal_code].filter(Boolean).join(' ');
  return `${address.street}, ${address.city}, ${regionAndCode}, ${address.country}`;
}

export type MapsPlatform = 'apple' | 'other';

/**
 * A link that opens the phone's own maps app with directions to the address: Apple Maps on
 * iPhones and Macs, Google Maps (app or web) elsewhere. Nothing is fetched until it is tapped.
 */
export function directionsUrl(address: AddressLike, platform: MapsPlatform = 'other'): string {
  const destination = encodeURIComponent(addressLine(address));
  return platform === 'apple'
    ? `https://maps.apple.com/?daddr=${destination}`
    : `https://www.google.com/maps/dir/?api=1&destination=${destination}`;
}

/** Which maps app a browser's user agent string points to. */
export function platformFromUserAgent(userAgent: string): MapsPlatform {
  return /iPhone|iPad|iPod|Macintosh/.test(userAgent) ? 'apple' : 'other';
}

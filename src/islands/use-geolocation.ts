import { useState } from 'preact/hooks';
import type { LatLon } from '../domain/geo.ts';

export type LocateStatus = 'idle' | 'busy' | 'denied';

/**
 * The phone's position, asked for only when the person taps "use my location". It is rounded
 * to about 100 m: enough to sort by distance, and it never leaves the phone.
 */
export function useGeolocation(): {
  position: LatLon | null;
  status: LocateStatus;
  /** Asks for the position; `onFound` runs once it is known. */
  locate: (onFound: (position: LatLon) => void) => void;
} {
  const [position, setPosition] = useState<LatLon | null>(null);
  const [status, setStatus] = useState<LocateStatus>('idle');

  const locate = (onFound: (position: LatLon) => void) => {
    if (!('geolocation' in navigator)) return setStatus('denied');
    setStatus('busy');
    navigator.geolocation.getCurrentPosition(
      (found) => {
        const round = (value: number) => Math.round(value * 1000) / 1000;
        const rounded = { lat: round(found.coords.latitude), lon: round(found.coords.longitude) };
        setPosition(rounded);
        setStatus('idle');
        onFound(rounded);
      },
      () => setStatus('denied'),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    );
  };

  return { position, status, locate };
}

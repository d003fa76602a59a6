import { useEffect, useRef } from 'preact/hooks';
import L from 'leaflet';
// As addresses, not imports: an imported stylesheet would be linked, render-blocking, from
// every finder page, though only an opened map uses it (loadMapStyles below).
import leafletStyles from 'leaflet/dist/leaflet.css?url';
import type { SearchResult } from '../domain/search/engine.ts';
import type { MessageKey, Translate } from './format.ts';
// Declared beside the code that loads this module: declaring them here would load Leaflet too.
import type { RESULTS_MAP_KEYS } from './FinderMap.tsx';
import mapStyles from './ResultsMap.css?url';

export interface ResultsMapProps {
  map: { tiles: string; attribution: string; center: [number, number]; zoom: number };
  /** The results on the current page: numbered, focusable markers, as in the list. */
  shown: SearchResult[];
  /** Every result: drawn as dots on a canvas, for the wider picture. */
  all: SearchResult[];
  firstNumber: number;
  selected: string | null;
  onSelect: (id: string) => void;
  t: Translate<MessageKey<typeof RESULTS_MAP_KEYS>>;
}

/** Links the map's stylesheets and resolves once they apply (or failed: markers still work). */
export function loadMapStyles(): Promise<unknown> {
  return Promise.all(
    [leafletStyles, mapStyles].map(
      (href) =>
        new Promise((resolve) => {
          if (document.querySelector(`link[href="${href}"]`)) return resolve(undefined);
          const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
          link.addEventListener('load', resolve);
          link.addEventListener('error', resolve);
          document.head.append(link);
        }),
    ),
  );
}

const PIN_SIZE = 32;
/** Centres at least this far apart: pins never touch, and each is a target of its own. */
const PIN_SPACING = PIN_SIZE + 8;

function spreadPins(map: L.Map, markers: L.Marker[]): void {
  const pins = markers.map((marker) => {
    const point = map.latLngToLayerPoint(marker.getLatLng());
    return { marker, x: point.x, y: point.y, dx: 0, dy: 0 };
  });
  // Push apart any two pins closer than PIN_SPACING, a little at a time, until none are.
  // Pins at the very same spot start on a small circle so they have a direction to move in.
  pins.forEach((pin, index) => {
    const twins = pins.filter((other) => other.x === pin.x && other.y === pin.y);
    if (twins.length > 1) {
      const angle = (2 * Math.PI * twins.indexOf(pin)) / twins.length + index * 0.001;
      pin.dx = Math.cos(angle);
      pin.dy = Math.sin(angle);
    }
  });
  for (let round = 0; round < 60; round++) {
    let moved = false;
    for (let i = 0; i < pins.length; i++) {
      for (let j = i + 1; j < pins.length; j++) {
        const a = pins[i]!;
        const b = pins[j]!;
        const vx = b.x + b.dx - (a.x + a.dx);
        const vy = b.y + b.dy - (a.y + a.dy);
        const distance = Math.hypot(vx, vy) || 0.01;
        if (distance >= PIN_SPACING) continue;
        const push = (PIN_SPACING - distance) / 2 + 0.5;
        a.dx -= (vx / distance) * push;
        a.dy -= (vy / distance) * push;
        b.dx += (vx / distance) * push;
        b.dy += (vy / distance) * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  for (const pin of pins) {
    const element = pin.marker.getElement();
    if (!element) continue;
    // Leaflet places the icon with negative margins (its anchor); shifting them moves the pin.
    element.style.marginLeft = `${Math.round(pin.dx - PIN_SIZE / 2)}px`;
    element.style.marginTop = `${Math.round(pin.dy - PIN_SIZE / 2)}px`;
  }
}

/**
 * The map mirrors the list: the same places in the same order, the same numbers. It is loaded
 * only when a person opens it (Leaflet is the heaviest thing on the page), and it works with
 * no tiles at all: markers on a plain background.
 */
export function ResultsMap({
  map,
  shown,
  all,
  firstNumber,
  selected,
  onSelect,
  t,
}: ResultsMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const leaflet = useRef<L.Map | null>(null);
  const layers = useRef<{
    dots: L.LayerGroup;
    pins: L.LayerGroup;
    byId: Map<string, L.Marker>;
  } | null>(null);

  useEffect(() => {
    if (!container.current) return;
    // Canvas draws thousands of dots without a DOM node each; pins stay DOM for keyboard use.
    const instance = L.map(container.current, { preferCanvas: true, zoomControl: true }).setView(
      map.center,
      map.zoom,
    );
    L.tileLayer(map.tiles, { attribution: map.attribution, maxZoom: 19 }).addTo(instance);
    const dots = L.layerGroup().addTo(instance);
    const pins = L.layerGroup().addTo(instance);
    leaflet.current = instance;
    layers.current = { dots, pins, byId: new Map() };
    return () => {
      instance.remove();
      leaflet.current = null;
    };
  }, [map]);

  useEffect(() => {
    const instance = leaflet.current;
    const current = layers.current;
    if (!instance || !current) return;
    current.dots.clearLayers();
    current.pins.clearLayers();
    current.byId.clear();
    const renderer = L.canvas({ padding: 0.2 });
    for (const result of all) {
      const g = result.doc.g;
      if (!g) continue;
      L.circleMarker(g, {
        renderer,
        radius: 4,
        weight: 1,
        color: '#063843',
        fillColor: '#0a5161',
        fillOpacity: 0.6,
        interactive: false,
      }).addTo(current.dots);
    }
    const bounds: L.LatLngExpression[] = [];
    shown.forEach((result, index) => {
      const g = result.doc.g;
      if (!g) return;
      const number = firstNumber + index;
      const marker = L.marker(g, {
        keyboard: true,
        title: t('finder.ui.mapMarker', { number, name: result.doc.n }),
        alt: t('finder.ui.mapMarker', { number, name: result.doc.n }),
        icon: L.divIcon({
          className: 'rf-map-pin',
          html: `<span>${number}</span>`,
          iconSize: [32, 32],
          iconAnchor: [16, 16],
        }),
      });
      marker.on('click keypress', () => {
        onSelect(result.doc.i);
        document
          .querySelector<HTMLElement>(`[data-result-id="${CSS.escape(result.doc.i)}"] a`)
          ?.focus();
      });
      marker.addTo(current.pins);
      // The pin shows only its number; a screen reader hears the place's name too.
      const element = marker.getElement();
      element?.setAttribute('aria-label', t('finder.ui.mapMarker', { number, name: result.doc.n }));
      // Leaflet has no focus event of its own: keyboard users select a place by tabbing to it.
      element?.addEventListener('focus', () => onSelect(result.doc.i));
      current.byId.set(result.doc.i, marker);
      bounds.push(g);
    });
    // Without the zoom animation the pins are fanned out at once, not after it: a crowded town
    // centre's pins never overlap, even for an instant a tap or a checker may fall in.
    if (bounds.length > 0)
      instance.fitBounds(L.latLngBounds(bounds), {
        padding: [24, 24],
        maxZoom: 15,
        animate: false,
      });
    spreadPins(instance, [...current.byId.values()]);
  }, [all, shown, firstNumber, onSelect, t]);

  // Pins at the same address would sit on top of each other, and a pin under another cannot
  // be tapped: fan each crowd out around its spot, again after every zoom.
  useEffect(() => {
    const instance = leaflet.current;
    if (!instance) return;
    const spread = () => spreadPins(instance, [...(layers.current?.byId.values() ?? [])]);
    instance.on('zoomend', spread);
    return () => {
      instance.off('zoomend', spread);
    };
  }, []);

  useEffect(() => {
    const current = layers.current;
    if (!current) return;
    for (const [id, marker] of current.byId) {
      marker.getElement()?.classList.toggle('rf-map-pin--selected', id === selected);
      marker.setZIndexOffset(id === selected ? 1000 : 0);
    }
  }, [selected, shown]);

  return (
    <div>
      <a class="rf-skip-link rf-skip-link--inline" href="#finder-list">
        {t('finder.ui.mapSkip')}
      </a>
      <div class="rf-map" ref={container} role="region" aria-label={t('finder.ui.mapLabel')} />
    </div>
  );
}

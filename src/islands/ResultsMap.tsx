import { useEffect, useRef } from 'preact/hooks';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { SearchResult } from '../domain/search/engine.ts';
import type { Translate } from './format.ts';

export interface ResultsMapProps {
  map: { tiles: string; attribution: string; center: [number, number]; zoom: number };
  /** The results on the current page: numbered, focusable markers, as in the list. */
  shown: SearchResult[];
  /** Every result: drawn as dots on a canvas, for the wider picture. */
  all: SearchResult[];
  firstNumber: number;
  selected: string | null;
  onSelect: (id: string) => void;
  t: Translate;
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
    if (bounds.length > 0)
      instance.fitBounds(L.latLngBounds(bounds), { padding: [24, 24], maxZoom: 15 });
  }, [all, shown, firstNumber, onSelect, t]);

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

/**
 * Times drawing every national facility on the map the finder's way (canvas dots plus a page
 * of numbered pins) against Leaflet's default markers, in the same headless Chromium and the
 * same run. Run with `npm run bench:map`. No tiles are loaded: only marker drawing is timed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { importSamhsa } from '../../src/importers/samhsa.ts';
import { chromiumPath } from '../e2e/browser.ts';

const root = join(import.meta.dirname, '..', '..');
const leafletDir = join(root, 'node_modules', 'leaflet', 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const files = [
  'treatment-locator-facilities.csv',
  'national-directory-methadone-2017.csv',
  'otp-directory.csv',
].map((name) => ({
  name,
  text: readFileSync(join(root, 'content', 'boston', 'sources', 'samhsa', name), 'utf8'),
}));
const points = importSamhsa(files, {})
  .providers.filter((p) => p.geo)
  .map((p) => [p.geo!.lat, p.geo!.lon] as [number, number]);

const page = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/leaflet.css"><script src="/leaflet.js"></script>
<style>body{margin:0} .map{width:1000px;height:700px}</style></head><body>
<script>
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  async function draw(points, how) {
    const div = document.createElement('div');
    div.className = 'map';
    document.body.replaceChildren(div);
    const start = performance.now();
    const map = L.map(div, { preferCanvas: how === 'finder' }).setView([39.5, -98.35], 4);
    if (how === 'finder') {
      const renderer = L.canvas({ padding: 0.2 });
      const dots = L.layerGroup();
      for (const p of points) L.circleMarker(p, { renderer, radius: 4, weight: 1, interactive: false }).addTo(dots);
      dots.addTo(map);
      for (const p of points.slice(0, 20)) L.marker(p, { keyboard: true, icon: L.divIcon({ html: '<span>1</span>', iconSize: [32, 32] }) }).addTo(map);
    } else {
      const group = L.layerGroup();
      for (const p of points) L.marker(p).addTo(group);
      group.addTo(map);
    }
    await frame();
    const elapsed = performance.now() - start;
    const nodes = div.querySelectorAll('*').length;
    map.remove();
    return { elapsed, nodes };
  }
  window.draw = draw;
</script></body></html>`;

const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const tab = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  await tab.route('http://bench.local/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') return route.fulfill({ body: page, contentType: 'text/html' });
    if (path === '/leaflet.js')
      return route.fulfill({
        path: join(leafletDir, 'leaflet.js'),
        contentType: 'text/javascript',
      });
    if (path === '/leaflet.css')
      return route.fulfill({ path: join(leafletDir, 'leaflet.css'), contentType: 'text/css' });
    if (path.startsWith('/images/'))
      return route.fulfill({ path: join(leafletDir, path), contentType: 'image/png' });
    return route.fulfill({ status: 404 });
  });
  // Default markers ask for their icon relative to the stylesheet; serve it locally.
  await tab.route(/marker-(icon|shadow)/, (route) =>
    route.fulfill({
      path: join(leafletDir, 'images', new URL(route.request().url()).pathname.split('/').pop()!),
    }),
  );
  await tab.goto('http://bench.local/');
  const results: Record<string, number[]> = { finder: [], default: [] };
  const nodes: Record<string, number> = {};
  for (let run = 0; run < RUNS; run++) {
    for (const how of ['finder', 'default'] as const) {
      const { elapsed, nodes: count } = await tab.evaluate(
        ([p, h]) =>
          (
            window as unknown as {
              draw: (p: unknown, h: string) => Promise<{ elapsed: number; nodes: number }>;
            }
          ).draw(p, h),
        [points, how] as const,
      );
      results[how]!.push(elapsed);
      nodes[how] = count;
    }
  }
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const finder = median(results.finder!);
  const baseline = median(results.default!);
  console.log(`${points.length} markers, median of ${RUNS} runs, to the first painted frame:`);
  console.log(
    `finder (canvas dots + 20 pins)   ${finder.toFixed(0).padStart(6)} ms   ${nodes.finder} DOM nodes`,
  );
  console.log(
    `Leaflet default markers          ${baseline.toFixed(0).padStart(6)} ms   ${nodes.default} DOM nodes`,
  );
  console.log(`ratio: the finder draws ${(baseline / finder).toFixed(1)}× faster`);
} finally {
  await browser.close();
}

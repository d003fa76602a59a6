/**
 * The site's icons as PNG, drawn at build time from public/favicon.svg with sharp (the image
 * library Astro already installs), so no picture of the mark is kept besides the SVG.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { THEME_COLOUR, type AppIcon } from './domain/manifest.ts';

// Read from the working directory at build time: bundling moves this module, not public/.
const FAVICON = join(process.cwd(), 'public', 'favicon.svg');

export async function renderAppIcon(icon: AppIcon): Promise<Buffer> {
  const svg = await readFile(FAVICON);
  // Drawn at the icon's own size rather than scaled up from the SVG's 32 pixels, so it is sharp.
  const { width = icon.size } = await sharp(svg).metadata();
  const drawn = sharp(svg, { density: (72 * icon.size) / width }).resize(icon.size, icon.size);
  // A filled icon has no transparent corners: the launcher's own shape is cut from the colour.
  const png = icon.filled ? drawn.flatten({ background: THEME_COLOUR }) : drawn;
  return png.png({ compressionLevel: 9 }).toBuffer();
}

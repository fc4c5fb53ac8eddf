// Renders assets/icon.svg to the PNG sizes the stores and browsers ask for (public/icon/<size>.png).
// The PNGs are committed, so builds and CI need no image tooling; run this after changing the SVG:
//   npm install --no-save @resvg/resvg-js && node scripts/render-icons.mjs
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

// 16/32 toolbar, 48 extensions page, 96 Firefox add-ons manager (HiDPI 48), 128 Chrome Web Store.
const SIZES = [16, 32, 48, 96, 128];
const svg = readFileSync(new URL('../assets/icon.svg', import.meta.url), 'utf8');
mkdirSync(new URL('../public/icon/', import.meta.url), { recursive: true });
for (const size of SIZES) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), png);
  console.log(`public/icon/${size}.png`);
}

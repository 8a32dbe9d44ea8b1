// Time to first meaningful render of Your Thrive Circle in headless Chromium on loopback.
//
//   node bench/page_render.mjs [--base-url http://127.0.0.1:8000] [--runs 15] [--user explorer_eve]
//
// Needs a running server with the demo data (`make run`). Signs in once, then loads the page
// `runs` times in fresh tabs with a warm HTTP cache (as a returning visitor) and once cold, and
// reports first contentful paint and the moment the circle's name is on screen (the first
// meaningful render: level, progress and circle come from the API, so this includes the fetch).
import { createRequire } from 'node:module';

const require = createRequire(new URL('../frontend/package.json', import.meta.url));
const { chromium } = require('@playwright/test');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const baseURL = args['base-url'] ?? 'http://127.0.0.1:8000';
const runs = Number(args.runs ?? 15);
const username = args.user ?? 'explorer_eve';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
const context = await browser.newContext({ baseURL });
const login = await context.newPage();
await login.goto('/login');
await login.getByLabel('Username').fill(username);
await login.getByLabel('Password').fill('thrive-demo');
await login.getByRole('button', { name: /sign in/i }).click();
await login.waitForURL('**/play/thrive-circle');
await login.close();

async function measure(inContext = context) {
  const page = await inContext.newPage();
  await page.goto('/play/thrive-circle', { waitUntil: 'commit' });
  await page.getByText(/Circle [A-Z]+$/).first().waitFor();
  const timing = await page.evaluate(() => ({
    meaningful: performance.now(),
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }));
  await page.close();
  return timing;
}

// Cold: a new profile with only the session cookie, so every asset is fetched.
const coldContext = await browser.newContext({ baseURL, storageState: await context.storageState() });
const cold = await measure(coldContext);
await coldContext.close();
const warm = [];
for (let i = 0; i < runs; i++) warm.push(await measure());
await browser.close();

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p95 = (values) => values.sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)];
const fmt = (ms) => `${ms.toFixed(0)} ms`;
console.log(`first load (cold cache): FCP ${fmt(cold.fcp)}, circle on screen ${fmt(cold.meaningful)}`);
console.log(`${runs} warm loads: FCP median ${fmt(median(warm.map((t) => t.fcp)))}, circle on screen median ${fmt(median(warm.map((t) => t.meaningful)))}, p95 ${fmt(p95(warm.map((t) => t.meaningful)))}`);

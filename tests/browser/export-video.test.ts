import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, watchedPage } from './browser';
import { decodeKeyFrames, readVideo, type VideoFile } from './video-file';
import { yearBounds } from '../helpers/expected';

// Playback as a video for slides (issue 15, docs/exports.md): the countries chart, one second a year
// at 10 frames a second, 1920×1080, MP4/H.264 where Chromium encodes it, else WebM/VP9. The saved
// file is read back in Node with mediabunny's demuxer and by its own bytes.

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const FPS = 10;
const { min, max } = yearBounds();
const YEARS = max - min + 1;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** The dashboard, with a script run before the app's (to take an encoder away, say). */
async function open(init?: () => void): Promise<{ page: Page; errors: string[] }> {
  const watched = await watchedPage(browser, origin);
  if (init) await watched.page.addInitScript(init);
  await watched.page.goto(baseUrl);
  await watched.page.waitForSelector('[data-testid="chart-countries"] svg', { timeout: 45_000 });
  return watched;
}

async function exportVideo(page: Page): Promise<{ name: string; file: VideoFile; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 240_000 }),
    page.click('[data-testid="video-start"]'),
  ]);
  const bytes = await readFile((await download.path())!);
  return { name: download.suggestedFilename(), file: await readVideo(bytes), bytes };
}

/** The checks every exported video passes: size, frames, seconds, a key frame a year, pictures that differ. */
async function expectPlayback(page: Page, file: VideoFile) {
  expect([file.width, file.height]).toEqual([1920, 1080]);
  expect(file.packets).toHaveLength(YEARS * FPS);
  expect(file.duration).toBeCloseTo(YEARS, 3);
  file.packets.forEach((p, i) => expect(p.timestamp).toBeCloseTo(i / FPS, 3));
  // Each year starts on a key frame.
  const keys = file.packets.flatMap((p, i) => (p.key ? [i] : []));
  expect(keys).toEqual(Array.from({ length: YEARS }, (_, i) => i * FPS));
  // The first and last years decoded in Chromium: each a white page with dark text and bars, not alike.
  const [first, last] = await decodeKeyFrames(page, file, [0, (YEARS - 1) * FPS]);
  for (const picture of [first!, last!]) {
    expect(picture.filter((v) => v > 240).length / picture.length).toBeGreaterThan(0.6);
    expect(picture.filter((v) => v < 120).length).toBeGreaterThan(100);
  }
  const changed = first!.filter((v, i) => Math.abs(v - last![i]!) > 48).length;
  expect(changed).toBeGreaterThan(200);
}

test('the video: the years of the data, one second each, 1920×1080, its container and codec', async () => {
  const { page, errors } = await open();
  const slider = page.locator('[data-testid="play-year"]');
  expect([Number(await slider.getAttribute('min')), Number(await slider.getAttribute('max'))]).toEqual([min, max]);
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  const { name, file } = await exportVideo(page);
  // Offline too: every file the export fetched (the encoder's chunk, the font subsets) is precached.
  const precached = await (await fetch(new URL('sw.js', baseUrl))).text();
  const loaded = fetched.filter((path) => /\/assets\//.test(path)).map((path) => path.slice(path.indexOf('assets/')));
  expect(loaded.some((path) => /^assets\/video-[\w-]+\.js$/.test(path))).toBe(true);
  for (const path of loaded) expect(precached, path).toContain(path);
  expect(file.signature).not.toBe('unknown');
  if (file.signature === 'mp4') {
    expect([name.endsWith('.mp4'), file.format, file.codec, file.codecId]).toEqual([true, 'MP4', 'avc', 'avc1']);
  } else {
    expect(name.endsWith('.webm')).toBe(true);
    expect(['vp9', 'vp8']).toContain(file.codec);
  }
  await expectPlayback(page, file);
  await expect.poll(() => page.locator('[data-testid="video-export"]').getAttribute('data-state')).toBe('done');
  expect(await page.locator('[data-testid="video-status"]').innerText()).toContain(`${YEARS} 年`);
  expect(errors).toEqual([]);
  await page.context().close();
}, 300_000);

test('WebM with VP9 where the browser encodes no H.264 (as some Chromium builds)', async () => {
  const { page, errors } = await open(() => {
    const original = VideoEncoder.isConfigSupported.bind(VideoEncoder);
    VideoEncoder.isConfigSupported = (config) =>
      config.codec.startsWith('avc') ? Promise.resolve({ supported: false, config }) : original(config);
  });
  const { name, file } = await exportVideo(page);
  expect([file.signature, file.codecId, file.codec, name.endsWith('.webm')]).toEqual(['webm', 'V_VP9', 'vp9', true]);
  expect(file.format).toMatch(/WebM/);
  await expectPlayback(page, file);
  expect(errors).toEqual([]);
  await page.context().close();
}, 300_000);

test('cancelling stops the export and saves nothing', async () => {
  const { page, errors } = await open();
  let saved = false;
  page.on('download', () => (saved = true));
  await page.click('[data-testid="video-start"]');
  await page.waitForSelector('[data-testid="video-progress"]');
  await page.click('[data-testid="video-cancel"]');
  await expect
    .poll(() => page.locator('[data-testid="video-export"]').getAttribute('data-state'), { timeout: 60_000 })
    .toBe('cancelled');
  await page.waitForTimeout(1000);
  expect(saved).toBe(false);
  expect(await page.locator('[data-testid="video-progress"]').count()).toBe(0);
  expect(errors).toEqual([]);
  await page.context().close();
}, 120_000);

test('without WebCodecs a clear message, in Chinese and in English', async () => {
  const { page } = await open(() => {
    delete (window as { VideoEncoder?: unknown }).VideoEncoder;
  });
  await page.click('[data-testid="video-start"]');
  const status = page.locator('[data-testid="video-status"]');
  await expect.poll(() => status.getAttribute('role')).toBe('alert');
  expect(await status.innerText()).toMatch(/不支持视频编码（WebCodecs）/);
  await page.click('[data-testid="lang-switch"]');
  await expect.poll(() => status.innerText()).toMatch(/cannot encode video \(no WebCodecs\)/);
  await page.context().close();
}, 120_000);

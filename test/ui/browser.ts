import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (apt-get install chromium; .ci/run installs it), or SEATUNNEL_SIM_CHROMIUM. */
export const CHROMIUM = process.env['SEATUNNEL_SIM_CHROMIUM'] ?? '/usr/bin/chromium';

/** Where the suite leaves its screenshots (a CI artifact; git-ignored like every log). */
export const SCREENSHOT_DIR = 'logs/ui-screenshots';

/** A headless chromium; a machine without one fails the suite with the way to get it, never skips it. */
export async function launchChromium(): Promise<Browser> {
  assert.ok(
    existsSync(CHROMIUM),
    `no chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or name one with SEATUNNEL_SIM_CHROMIUM`,
  );
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}

/** What went wrong on a page: console errors, uncaught exceptions, failed or refused requests. */
export interface PageWatch {
  page: Page;
  problems: string[];
  /** URLs of the page's API calls (not its assets), in order. */
  calls: string[];
}

/**
 * A new page (1280×800) that records every console error, uncaught exception, request that fails
 * and answer of 400 or more, for the test to assert none happened. The Web UI accepts only 200s
 * (axios) and shows nothing for the rest, so a refused call is as much a failure as a thrown error.
 */
export async function openPage(browser: Browser): Promise<PageWatch> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const watch: PageWatch = { page, problems: [], calls: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.problems.push(`uncaught: ${String(error)}`));
  page.on('requestfailed', (request) => watch.problems.push(`failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() >= 400) watch.problems.push(`${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  page.on('request', (request) => {
    if (['xhr', 'fetch'].includes(request.resourceType())) watch.calls.push(request.url());
  });
  return watch;
}

/** Closes the page's context after asserting nothing went wrong on it. */
export async function closeClean(watch: PageWatch): Promise<void> {
  const problems = [...watch.problems];
  await watch.page.context().close();
  assert.deepEqual(problems, [], 'console errors or failed requests on the page');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Polls `probe` until it returns a value that `done` accepts; fails with the last value seen. The
 * UI redraws from its own 5 s polls, so limits are a few poll periods.
 */
export async function eventually<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, limitMillis = 15_000): Promise<T> {
  const started = Date.now();
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (done(last)) return last;
    if (Date.now() - started > limitMillis) assert.fail(`${what}: not within ${limitMillis} ms; last seen ${JSON.stringify(last)}`);
    await sleep(250);
  }
}

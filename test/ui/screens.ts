/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page, Response } from 'playwright-core';

/**
 * What SeaTunnel's Web UI (2.3.13 build: Vue 3 + naive-ui) draws, read from the DOM as a user sees
 * it: texts of cards, table cells by their column key, the DAG's node labels.
 */

/** The overview cards and the header, as drawn. */
export interface DrawnOverview {
  version: string;
  commit: string;
  workers: string;
  totalSlot: string;
  unassignedSlot: string;
  runningJobs: string;
  cancelled: string;
  failed: string;
  finished: string;
}

export async function readOverview(page: Page): Promise<DrawnOverview> {
  return page.evaluate(() => {
    const text = (el: Element | null | undefined) => el?.textContent?.trim() ?? '';
    const card = (title: string) =>
      [...document.querySelectorAll('.n-card')].find((c) => text(c.querySelector('.n-card-header__main')) === title);
    const big = (title: string) => text(card(title)?.querySelector('.text-2xl'));
    const labelled = (title: string, label: string) =>
      [...(card(title)?.querySelectorAll('span') ?? [])].map((s) => text(s)).find((t) => t.startsWith(`${label}: `))?.slice(label.length + 2) ?? '';
    const header = [...document.querySelectorAll('.n-layout-header span')].map((s) => text(s));
    return {
      version: header[0] ?? '',
      commit: header[1] ?? '',
      workers: big('Workers'),
      totalSlot: labelled('Workers', 'Total Slot'),
      unassignedSlot: labelled('Workers', 'Unassigned Slot'),
      runningJobs: big('Running Jobs'),
      cancelled: labelled('Running Jobs', 'Cancelled'),
      failed: labelled('Running Jobs', 'Failed'),
      finished: labelled('Running Jobs', 'Finished'),
    };
  });
}

/** Rows of a data table as `{ <column key>: <cell text> }`; the table is the one under heading `title`, else the page's first. */
export async function readTable(page: Page, title?: string): Promise<Record<string, string>[]> {
  return page.evaluate((heading) => {
    const section = heading === undefined ? document : [...document.querySelectorAll('h2')].find((h) => h.textContent?.trim() === heading)?.parentElement;
    const table = section?.querySelector('.n-data-table');
    if (!table) return [];
    return [...table.querySelectorAll('tbody tr.n-data-table-tr')]
      .filter((tr) => !tr.querySelector('.n-data-table-empty'))
      .map((tr) => {
        const row: Record<string, string> = {};
        [...tr.querySelectorAll('td')].forEach((td, i) => {
          row[td.getAttribute('data-col-key') === 'key' ? `#${i}` : (td.getAttribute('data-col-key') ?? `#${i}`)] = td.textContent?.trim() ?? '';
        });
        return row;
      });
  }, title);
}

/** The page numbers the pagination under heading `title` offers, and the active one. */
export async function readPages(page: Page, title: string): Promise<{ pages: string[]; active: string }> {
  return page.evaluate((heading) => {
    const section = [...document.querySelectorAll('h2')].find((h) => h.textContent?.trim() === heading)?.parentElement;
    const items = [...(section?.querySelectorAll('.n-pagination-item:not(.n-pagination-item--button)') ?? [])];
    return {
      pages: items.map((i) => i.textContent?.trim() ?? ''),
      active: section?.querySelector('.n-pagination-item--active')?.textContent?.trim() ?? '',
    };
  }, title);
}

export async function gotoPage(page: Page, title: string, number: number): Promise<void> {
  const section = page.locator('div', { has: page.locator(`h2:text-is("${title}")`) }).last();
  await section.locator('.n-pagination-item', { hasText: new RegExp(`^${number}$`) }).click();
}

/** The job detail header: name, status tag, and the labelled facts (ID, Create Time, Duration). */
export async function readJobHeader(page: Page): Promise<{ name: string; status: string; facts: Record<string, string> }> {
  return page.evaluate(() => {
    const title = document.querySelector('.font-bold.text-xl');
    const name = [...(title?.childNodes ?? [])].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
    const facts: Record<string, string> = {};
    const spans = [...(title?.nextElementSibling?.querySelectorAll('span') ?? [])];
    spans.forEach((span, i) => {
      const label = span.textContent?.trim() ?? '';
      if (label.endsWith(':') && spans[i + 1]) facts[label.slice(0, -1)] = spans[i + 1]!.textContent?.trim() ?? '';
    });
    return { name, status: title?.querySelector('.n-tag')?.textContent?.trim() ?? '', facts };
  });
}

/** Labels of the DAG's nodes (AntV X6 draws them as HTML or SVG text inside the graph). */
export async function readDagNodes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.x6-graph .x6-node')].map((n) => n.textContent?.trim() ?? '').filter((t) => t !== ''),
  );
}

/** Number of edges the DAG draws. */
export async function countDagEdges(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('.x6-graph .x6-edge').length);
}

export async function openTab(page: Page, name: 'Overview' | 'Exception' | 'Configuration' | 'Log'): Promise<void> {
  await page.locator('.n-tabs-tab', { hasText: new RegExp(`^${name}$`) }).click();
}

/** The next answer to the UI's own GET /system-monitoring-information (Workers and Master ask once). */
export function monitoring(page: Page): Promise<Response> {
  return page.waitForResponse((response) => new URL(response.url()).pathname === '/system-monitoring-information');
}

/**
 * Driving the task pane page: waiting for what a person would look for (text, roles) while failing fast with the
 * pane's own error message if it shows one instead, screenshots at both sizes, and the stand-in workbook's handle.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from './buildTaskpane.js';
import type { WorkbookHandle } from './workbookStandIn.js';

export const ARTIFACTS = path.join(ROOT, 'test/artifacts');

/** A desktop window, and the width Excel gives a task pane by default (about 350 px). */
export const SIZES = [
  { tag: '1280x800', width: 1280, height: 800 },
  { tag: '350w', width: 350, height: 800 },
] as const;

/**
 * Waits until `target` is visible; if the pane shows an error alert first, fails with that alert's text (a timeout
 * saying "text not found" would hide what went wrong).
 */
export async function see(page: Page, target: Locator): Promise<void> {
  const alert = page.getByRole('alert');
  // Visible matches only: the panes not selected stay mounted (hidden), and a <select> holds hidden options.
  const shown = target.filter({ visible: true });
  await shown.or(alert).first().waitFor({ state: 'visible' });
  if ((await shown.count()) === 0 && (await alert.count()) > 0) {
    const logged = consoleErrors.get(page) ?? [];
    const { misses, errors } = await page.evaluate(() => {
      const handle = (window as unknown as { __dipWorkbook?: { misses: string[]; errors: string[] } }).__dipWorkbook;
      return { misses: handle?.misses ?? [], errors: handle?.errors ?? [] };
    });
    throw new Error(
      `the task pane shows an error instead: ${(await alert.first().textContent()) ?? ''}\n` +
        `console errors: ${logged.join('\n') || 'none'}\nnot modelled by the workbook stand-in: ${misses.join('; ') || 'nothing'}\n` +
        `errors out of Excel.run: ${errors.join('\n') || 'none'}`,
    );
  }
}

const consoleErrors = new WeakMap<Page, string[]>();

/** Keeps the page's console errors, so a failure can say what the pane logged. */
export function recordConsoleErrors(page: Page): string[] {
  const list: string[] = [];
  consoleErrors.set(page, list);
  page.on('console', (m) => {
    if (m.type() === 'error') list.push(m.text());
  });
  return list;
}

export const seeText = (page: Page, text: string): Promise<void> => see(page, page.getByText(text, { exact: true }));

/** Full-page screenshots of the current pane at both sizes, into test/artifacts/taskpane-<name>-<size>.png. */
export async function screenshots(page: Page, name: string): Promise<string[]> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const files: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    const file = path.join(ARTIFACTS, `taskpane-${name}-${size.tag}.png`);
    await page.screenshot({ path: file, fullPage: true });
    files.push(file);
  }
  await page.setViewportSize({ width: SIZES[0].width, height: SIZES[0].height });
  return files;
}

type HandleCall = { [K in keyof WorkbookHandle]: WorkbookHandle[K] extends (...args: infer A) => unknown ? [K, A] : never }[keyof WorkbookHandle];

/** Calls the stand-in workbook inside the page (window.__dipWorkbook). */
export function workbook<R>(page: Page, ...[method, args]: HandleCall): Promise<R> {
  return page.evaluate(
    ([m, a]) => {
      const handle = (window as unknown as { __dipWorkbook: Record<string, (...x: unknown[]) => unknown> }).__dipWorkbook;
      return handle[m as string]!(...(a as unknown[])) as R;
    },
    [method, args] as const,
  );
}

/** What the stand-in recorded: calls the pane made that it does not model, and its sync count. */
export function standInStats(page: Page): Promise<{ misses: string[]; syncs: number }> {
  return page.evaluate(() => {
    const handle = (window as unknown as { __dipWorkbook: { misses: string[]; syncs: number } }).__dipWorkbook;
    return { misses: [...handle.misses], syncs: handle.syncs };
  });
}

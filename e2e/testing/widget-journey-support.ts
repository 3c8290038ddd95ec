/**
 * Helpers of the widget journey spec: screenshots in light and dark with axe on each, the panel's
 * outer box, where focus is inside the widget's shadow root, and the inbound media of the page.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

const SHOTS = 'test-results/widget-screens';

/** Axe (WCAG 2.2 AA) finds nothing in the widget (the host page is checked by widget-call.spec). */
export async function noAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .include('connect-video-call')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/**
 * Screenshot of the current state in light and in dark (the element's theme attribute), axe on each
 * when `axeBoth` (axe with live video is slow on a loaded machine; otherwise light only).
 */
export async function shootBothThemes(page: Page, name: string, axeBoth = false) {
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate(
      (th) => document.querySelector('connect-video-call')!.setAttribute('theme', th),
      theme,
    );
    await page.screenshot({ path: `${SHOTS}/${name}-${theme}.png`, animations: 'disabled' });
    if (theme === 'light' || axeBoth) await noAxeViolations(page);
  }
  const scheme = await page.evaluate(
    () =>
      getComputedStyle(
        document
          .querySelector('connect-video-call')!
          .shadowRoot!.querySelector('.cvw-panel, .cvw-bubble')!,
      ).colorScheme,
  );
  expect(scheme).toBe('dark'); // native controls follow the theme
  await page.evaluate(() =>
    document.querySelector('connect-video-call')!.setAttribute('theme', 'light'),
  );
}

/** The panel's outer box, rounded to whole pixels. */
export async function outerBox(dialog: Locator) {
  const b = await dialog.boundingBox();
  if (!b) throw new Error('the panel is not visible');
  return {
    x: Math.round(b.x),
    y: Math.round(b.y),
    width: Math.round(b.width),
    height: Math.round(b.height),
  };
}

/**
 * What is focused inside the widget: the element's accessible label or text, and whether it is
 * inside the dialog.
 */
export function focusInWidget(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('connect-video-call')!.shadowRoot!;
    const el = root.activeElement as HTMLElement | null;
    return {
      inDialog: !!el?.closest('[role=dialog]'),
      inBubble: !!el?.closest('.cvw-bubble'),
      label: el?.getAttribute('aria-label') ?? el?.textContent ?? el?.tagName ?? '',
    };
  });
}

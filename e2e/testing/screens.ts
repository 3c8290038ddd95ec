/**
 * Screenshots and layout checks shared by the UI specs: every screenshot is saved under
 * test-results/screens/ (stable names, to look at after a run) and attached to the test's report;
 * axe runs with the WCAG 2.2 AA tags.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, type Locator, type Page } from '@playwright/test';

/** The two sizes every changed screen is checked at: a laptop and a small phone. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 360, height: 740 },
} as const;

/** Saves a full-page screenshot as test-results/screens/<name>.png and attaches it. */
export async function screen(page: Page, name: string): Promise<void> {
  const path = `test-results/screens/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

/**
 * `screen`, and when SHOTS_DIR names a folder (a reviewer's, never the repo) the viewport's screenshot
 * there too, as <name>.png.
 */
export async function reviewScreen(page: Page, name: string): Promise<void> {
  await screen(page, name);
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png` });
}

/** axe violations as `rule: targets` lines (empty when clean), of the page or only of `include`. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']);
  const result = await (include ? builder.include(include) : builder).analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** How far the page is wider than its viewport (0 when nothing sticks out sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** True when two elements' boxes share any area. */
export async function overlaps(a: Locator, b: Locator): Promise<boolean> {
  const [ra, rb] = [await a.boundingBox(), await b.boundingBox()];
  if (!ra || !rb) throw new Error('element not laid out');
  return (
    ra.x < rb.x + rb.width &&
    rb.x < ra.x + ra.width &&
    ra.y < rb.y + rb.height &&
    rb.y < ra.y + ra.height
  );
}

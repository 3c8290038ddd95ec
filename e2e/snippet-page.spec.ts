/**
 * The snippet page and the demo shop at 1280×800 and 360×740: nothing is cut or sticks out
 * sideways, the snippet shows customer-token and contact-attributes, the page has the site header,
 * and axe finds nothing.
 */
import { expect, test } from '@playwright/test';
import { VIEWPORTS, axeViolations, horizontalOverflow, screen } from './testing/screens';

const base = () => process.env.BASE_URL!;

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  test(`the snippet page at ${viewport.width}×${viewport.height} shows the whole snippet`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto(`${base()}/snippet/`);
    const banner = page.getByRole('banner');
    await expect(banner.getByRole('link', { name: 'Northwind Outdoor' })).toBeVisible();
    await expect(banner.getByRole('link', { name: 'Add the widget to your site' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    const code = page.locator('#snippet');
    await expect(code).toContainText('customer-token="');
    await expect(code).toContainText(`contact-attributes='{"product":"trail-runner-2"}'`);
    await expect(code).toContainText(`src="${base()}/connect-video-call.js"`);
    expect(await horizontalOverflow(page)).toBe(0);
    // The code box shows all of its text: nothing hidden past its right edge, and it fits the
    // screen.
    const pre = page.locator('pre');
    expect(await pre.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    expect((await pre.boundingBox())!.width).toBeLessThanOrEqual(viewport.width);
    expect(await axeViolations(page)).toEqual([]);
    await screen(page, `snippet-${size}`);
  });

  test(`the demo shop at ${viewport.width}×${viewport.height} fits the screen`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto(`${base()}/`);
    await expect(page.getByRole('button', { name: 'Start video call' })).toBeVisible();
    expect(await horizontalOverflow(page)).toBe(0);
    await screen(page, `demo-shop-${size}`);
  });
}

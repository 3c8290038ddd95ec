/**
 * Long device names, as real laptops give them ("Microphone Array (Intel® Smart Sound Technology for
 * Digital Microphones)"), in the pre-call device pickers and the in-call Devices drawer on a 360×740
 * phone: the selects shrink and truncate inside the panel, nothing scrolls sideways in the widget.
 * Chromium's fake devices have short names, so the page's `enumerateDevices` gives the same devices
 * (same ids, so choosing one still works) under the long names real hardware reports. The overflow
 * checks are soft so that one run measures every screen and size (the test still fails on any).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  callThroughFlow,
  finishAgent,
  openAgentDesk,
  openCustomerPage,
  openWidget,
} from './testing/widget-support';
import { horizontalOverflow, reviewScreen, VIEWPORTS } from './testing/screens';

const LONG_MIC = 'Microphone Array (Intel® Smart Sound Technology for Digital Microphones)';

/** Renames the page's devices the way a real laptop's drivers name them. */
async function longDeviceLabels(page: Page) {
  await page.addInitScript(
    ({ mic }) => {
      const md = navigator.mediaDevices;
      const native = md.enumerateDevices.bind(md);
      const long: Record<string, string> = {
        audioinput: mic,
        videoinput:
          'Integrated Camera: Integrated C (04f2:b6ea) — Front, 1080p with IR face sensor',
        audiooutput: 'Speakers (Realtek(R) Audio) — Headphones and speakers with Dolby Atmos',
      };
      md.enumerateDevices = async () =>
        (await native()).map((d) => {
          const label = d.label ? `${long[d.kind]} ${d.label}` : '';
          return { ...d.toJSON(), label, toJSON: () => ({ ...d.toJSON(), label }) };
        }) as MediaDeviceInfo[];
    },
    { mic: LONG_MIC },
  );
}

/** How far the widget, its open drawer and anything in it reach past their own width (0 when none). */
function widgetOverflow(dialog: Locator) {
  return dialog.evaluate((panel) => {
    const drawer = panel.querySelector('.cvw-drawer:not([hidden])');
    if (!drawer) throw new Error('no open drawer');
    const edge = panel.getBoundingClientRect().right;
    const drawerEdge = drawer.getBoundingClientRect().right;
    const over = (el: Element) => el.scrollWidth - el.clientWidth;
    return {
      panel: over(panel),
      body: panel.querySelector('.cvw-panel-body')
        ? over(panel.querySelector('.cvw-panel-body')!)
        : 0,
      drawer: over(drawer),
      selectsPastDrawer: Math.max(
        0,
        ...[...drawer.querySelectorAll('select')].map((s) =>
          Math.ceil(s.getBoundingClientRect().right - drawerEdge),
        ),
      ),
      pastPanel: Math.max(
        0,
        ...[...panel.querySelectorAll('*')].map((e) =>
          Math.ceil(e.getBoundingClientRect().right - edge),
        ),
      ),
    };
  });
}

const NONE = { panel: 0, body: 0, drawer: 0, selectsPastDrawer: 0, pastPanel: 0 };

/**
 * With the drawer open at 360×740 (the microphone's long name in its list): nothing sticks out of the
 * widget there nor at 1280×800; screenshots of both, and the page is left at 360×740.
 */
async function fitsAtBothSizes(customer: Page, dialog: Locator, name: string) {
  const mic = dialog.getByLabel('Microphone', { exact: true });
  await expect(mic.locator('option').first()).toHaveText(
    new RegExp(`^${LONG_MIC.replace(/[()]/g, '\\$&')}`),
  );
  expect.soft(await widgetOverflow(dialog)).toEqual(NONE);
  expect.soft(await horizontalOverflow(customer)).toBe(0);
  await reviewScreen(customer, `${name}-360x740`);
  await customer.setViewportSize(VIEWPORTS.desktop);
  expect.soft(await widgetOverflow(dialog)).toEqual(NONE);
  await reviewScreen(customer, `${name}-1280x800`);
  await customer.setViewportSize(VIEWPORTS.phone);
}

test('long device names stay inside the pre-call pickers and the in-call Devices drawer at 360×740', async ({
  browser,
}) => {
  const agent = await openAgentDesk(browser);
  const customer = await openCustomerPage(browser, {
    viewport: VIEWPORTS.phone,
    beforeLoad: longDeviceLabels,
  });
  const dialog = await openWidget(customer);
  await dialog.getByRole('button', { name: 'Device settings' }).click();
  await fitsAtBothSizes(customer, dialog, 'device-names-precall');
  await dialog.getByRole('button', { name: 'Device settings' }).click();

  await callThroughFlow(customer, agent, 'Lena Longname');
  await dialog.getByRole('button', { name: 'More' }).click(); // narrow: Devices is under More
  await dialog.getByRole('button', { name: 'Devices' }).click();
  await fitsAtBothSizes(customer, dialog, 'device-names-in-call');

  await dialog.getByRole('button', { name: 'End call' }).click();
  await expect(dialog.getByRole('heading', { name: 'Call ended' })).toBeVisible();
  await finishAgent(agent);
});

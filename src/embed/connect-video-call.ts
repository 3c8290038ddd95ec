/**
 * The script-tag entry: defines <connect-video-call> (launcher button in a shadow root, no React,
 * no Chime SDK) and exports `mount()`. The call UI chunk loads when the customer opens the widget
 * and is prefetched when the browser is idle or the launcher is hovered/focused.
 */
import launcherCss from './launcher.css?inline';
import {
  elementAttributes,
  OBSERVED_ATTRIBUTES,
  parseAttributes,
  type EmbedConfig,
  type MountOptions,
} from './widget-attributes';
import { dispatchHostEvent } from './dispatch-host-event';
import type { ConnectVideoCallEventMap } from './host-events';
import { stringsFor } from '../widget/strings/strings';
import type { MountedWidget } from '../widget/mount-widget';
import { hasCallToRejoin } from '../widget/saved-call';

const loadUi = () => import('../widget/mount-widget');
const scriptOrigin = new URL(import.meta.url).origin;

/** `<connect-video-call entry-point="…">`: the embeddable Amazon Connect video-call widget. */
/* eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging --
   the interface below only narrows HTMLElement's own listener methods. */
export class ConnectVideoCallElement extends HTMLElement {
  static observedAttributes = OBSERVED_ATTRIBUTES;
  readonly #root = this.attachShadow({ mode: 'open' });
  readonly #button = document.createElement('button');
  readonly #panel = document.createElement('div');
  #mounted: MountedWidget | null = null;
  #opening = false;
  readonly #logged = new Set<string>();

  constructor() {
    super();
    const style = document.createElement('style');
    style.textContent = launcherCss;
    this.#button.type = 'button';
    this.#button.className = 'cvw-launcher';
    this.#button.setAttribute('aria-haspopup', 'dialog');
    this.#button.addEventListener('click', () => void this.open());
    for (const ev of ['pointerenter', 'focus'])
      this.#button.addEventListener(ev, () => void this.prefetch(), { once: true });
    this.#root.append(style, this.#button, this.#panel);
  }

  /**
   * Validates the attributes: the configuration, or null if they cannot work (each problem reported
   * once on the console).
   */
  #readConfig(): EmbedConfig | null {
    const parsed = parseAttributes(
      (n) => this.getAttribute(n),
      scriptOrigin,
      document.documentElement.lang || navigator.language || 'en',
    );
    for (const e of parsed.errors) {
      if (this.#logged.has(e)) continue;
      this.#logged.add(e);
      console.error(e);
    }
    return parsed.config;
  }

  connectedCallback() {
    this.#render();
    // A call this tab's previous page left running (reload, another page of the site): rejoin it
    // now.
    const config = this.#readConfig();
    if (config && hasCallToRejoin(config.backendUrl, config.entryPoint)) void this.open();
    const idle =
      (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ??
      ((cb: () => void) => setTimeout(cb, 2000));
    idle(() => void this.prefetch());
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#render();
  }

  disconnectedCallback() {
    void this.close();
  }

  /** Downloads the call UI and the call engine without starting anything. */
  async prefetch(): Promise<void> {
    // A failed prefetch only costs time: open() loads again and reports a failure as cvc-error.
    const skipped = (error: unknown) =>
      console.warn(`<connect-video-call>: prefetching the call UI failed (${String(error)})`);
    const ui = await loadUi().catch((error: unknown) => {
      skipped(error);
      return null;
    });
    await ui?.prefetchCallEngine().catch(skipped);
  }

  /** Opens the call panel (what the launcher does; use it with launcher="off"). */
  async open(): Promise<void> {
    const config = this.#readConfig();
    if (!config || this.#mounted || this.#opening) return;
    this.#opening = true;
    this.#button.setAttribute('aria-expanded', 'true');
    try {
      const ui = await loadUi();
      this.#button.hidden = true;
      this.#mounted = ui.mountWidget(this.#panel, {
        config,
        onEvent: (e) => dispatchHostEvent(this, e),
        onClose: () => void this.close(),
      });
    } catch (error) {
      dispatchHostEvent(this, {
        type: 'error',
        name: 'LoadError',
        message: `The video-call UI could not be loaded (${String(error)}).`,
      });
      this.#button.setAttribute('aria-expanded', 'false');
    } finally {
      this.#opening = false;
    }
  }

  /** Ends any running call (camera off) and closes the panel. */
  async close(): Promise<void> {
    const mounted = this.#mounted;
    this.#mounted = null;
    // The UI goes and the launcher is back at once; the call's devices are released in the
    // background.
    const unmounting = mounted?.unmount();
    this.#render();
    if (this.isConnected && !this.#button.hidden) this.#button.focus();
    await unmounting;
  }

  #render() {
    const config = this.#readConfig();
    this.#button.textContent = stringsFor(config?.locale).launcher;
    this.#button.setAttribute('aria-expanded', String(this.#mounted !== null));
    this.#button.hidden = !config || !config.launcher || this.#mounted !== null;
  }
}

/** Every event `<connect-video-call>` dispatches: the standard ones plus its `cvc-*` events. */
export interface ConnectVideoCallElementEventMap
  extends HTMLElementEventMap, ConnectVideoCallEventMap {}

/**
 * Typed listeners for the cvc-* events: addEventListener/removeEventListener know each event's
 * detail (declaration merging with the class: no runtime code).
 */
/* eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the class. */
export interface ConnectVideoCallElement {
  addEventListener<K extends keyof ConnectVideoCallElementEventMap>(
    type: K,
    listener: (this: ConnectVideoCallElement, ev: ConnectVideoCallElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof ConnectVideoCallElementEventMap>(
    type: K,
    listener: (this: ConnectVideoCallElement, ev: ConnectVideoCallElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'connect-video-call': ConnectVideoCallElement;
  }
}

if (!customElements.get('connect-video-call'))
  customElements.define('connect-video-call', ConnectVideoCallElement);

/** Adds a configured <connect-video-call> to `target` and returns it (call `.open()` to start). */
export function mount(target: HTMLElement, options: MountOptions): ConnectVideoCallElement {
  const el = document.createElement('connect-video-call');
  for (const [k, v] of Object.entries(elementAttributes(options))) el.setAttribute(k, v);
  target.append(el);
  return el;
}

/** The types of the host-page events a site listens to. */
export type { CallEndedBy, CallState, ConnectVideoCallEventMap } from './host-events';
/** The element's attributes as a type, for sites that set them from TypeScript. */
export type { ConnectVideoCallAttributes } from './element-attributes-type';
/** The configuration `mount()` takes, and its options. */
export type { EmbedConfig, MountOptions };

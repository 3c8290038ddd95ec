/**
 * The element's attributes, validated without any library (the launcher entry must stay tiny). A
 * bad attribute yields a clear console error naming it and what is allowed; optional ones fall
 * back.
 */

export interface EmbedConfig {
  backendUrl: string;
  entryPoint: string;
  displayName?: string;
  locale: string;
  theme: 'light' | 'dark' | 'auto';
  launcher: boolean;
  customerToken?: string;
  /**
   * Contact attributes the page sends (only keys its entry point allows are accepted by the
   * server).
   */
  attributes?: Record<string, string>;
  /** The site's own background image for the customer's camera (an absolute http(s) URL). */
  backgroundImage?: string;
}

/** The element's attributes; a change re-reads its configuration. */
export const OBSERVED_ATTRIBUTES = [
  'backend-url',
  'entry-point',
  'display-name',
  'locale',
  'theme',
  'launcher',
  'customer-token',
  'contact-attributes',
  'background-image',
] as const;

/**
 * `contact-attributes` is a JSON object of strings with Connect's key rule; anything else is
 * refused.
 */
function parseContactAttributes(raw: string): Record<string, string> | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const entries = Object.entries(value);
    const ok = entries.every(
      ([k, v]) => /^[A-Za-z0-9_-]{1,128}$/.test(k) && typeof v === 'string' && v.length <= 1024,
    );
    return ok ? (Object.fromEntries(entries) as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}

/** The element's attributes, parsed and checked. */
export interface ParsedAttributes {
  config: EmbedConfig | null;
  errors: string[];
}

type Read = (name: string) => string | null;

/** Reads and validates every attribute; `config` is null when the widget cannot work at all. */
export function parseAttributes(
  read: Read,
  defaultBackend: string,
  defaultLocale: string,
): ParsedAttributes {
  const errors: string[] = [];
  const bad = (name: string, value: string, rule: string) =>
    errors.push(`<connect-video-call>: attribute ${name}="${value}" is invalid: ${rule}.`);

  let backendUrl = defaultBackend;
  const rawBackend = read('backend-url');
  if (rawBackend !== null) {
    try {
      const u = new URL(rawBackend, defaultBackend);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
      backendUrl = u.href.replace(/\/+$/, '');
    } catch {
      bad('backend-url', rawBackend, 'it must be an http(s) URL');
      return { config: null, errors };
    }
  }
  const entryPoint = read('entry-point');
  if (entryPoint === null || !/^[A-Za-z0-9_-]{1,64}$/.test(entryPoint)) {
    if (entryPoint === null)
      errors.push(
        '<connect-video-call>: the entry-point attribute is required (the id of an entry point configured on your backend).',
      );
    else bad('entry-point', entryPoint, 'use 1-64 characters A-Z a-z 0-9 - _');
    return { config: null, errors };
  }
  let displayName = read('display-name') ?? undefined;
  if (displayName !== undefined && (displayName.trim() === '' || displayName.length > 256)) {
    bad('display-name', displayName, 'it must be 1-256 characters');
    displayName = undefined;
  }
  let locale = read('locale') ?? defaultLocale;
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) {
    bad('locale', locale, 'use a language tag such as en or es-MX');
    locale = 'en';
  }
  const rawTheme = read('theme') ?? 'auto';
  let theme: 'light' | 'dark' | 'auto' = 'auto';
  if (rawTheme === 'light' || rawTheme === 'dark' || rawTheme === 'auto') theme = rawTheme;
  else bad('theme', rawTheme, 'use light, dark or auto');
  const rawLauncher = read('launcher') ?? 'on';
  let launcher = true;
  if (rawLauncher === 'off' || rawLauncher === 'false') launcher = false;
  else if (rawLauncher !== 'on' && rawLauncher !== '' && rawLauncher !== 'true')
    bad('launcher', rawLauncher, 'use on or off');
  const customerToken = read('customer-token') ?? undefined;
  const rawAttributes = read('contact-attributes');
  const attributes = rawAttributes === null ? undefined : parseContactAttributes(rawAttributes);
  if (rawAttributes !== null && !attributes)
    bad(
      'contact-attributes',
      rawAttributes,
      'use a JSON object of strings whose keys are A-Z a-z 0-9 - _',
    );
  let backgroundImage = read('background-image') ?? undefined;
  if (backgroundImage !== undefined) {
    try {
      const url = new URL(backgroundImage, globalThis.location?.href);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
      backgroundImage = url.href;
    } catch {
      bad('background-image', backgroundImage, 'use an http(s) URL of an image (served with CORS)');
      backgroundImage = undefined;
    }
  }
  return {
    config: {
      backendUrl,
      entryPoint,
      displayName,
      locale,
      theme,
      launcher,
      customerToken,
      attributes,
      ...(backgroundImage ? { backgroundImage } : {}),
    },
    errors,
  };
}

/** Options of mount() and props of the React component: the same settings as the attributes. */
export interface MountOptions {
  entryPoint: string;
  backendUrl?: string;
  displayName?: string;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  launcher?: boolean;
  customerToken?: string;
  /** Contact attributes (keys the entry point allows). */
  attributes?: Record<string, string>;
  /** The site's background image for the customer's camera. */
  backgroundImage?: string;
}

/**
 * The element attributes for a set of options (the inverse of parseAttributes); unset options are
 * left out.
 */
export function elementAttributes(options: MountOptions): Record<string, string> {
  const attrs: Record<string, string | undefined> = {
    'entry-point': options.entryPoint,
    'backend-url': options.backendUrl,
    'display-name': options.displayName,
    locale: options.locale,
    theme: options.theme,
    launcher: options.launcher === undefined ? undefined : options.launcher ? 'on' : 'off',
    'customer-token': options.customerToken,
    'contact-attributes': options.attributes ? JSON.stringify(options.attributes) : undefined,
    'background-image': options.backgroundImage,
  };
  return Object.fromEntries(
    Object.entries(attrs).filter((e): e is [string, string] => e[1] !== undefined),
  );
}

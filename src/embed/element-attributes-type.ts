/**
 * The HTML attributes of `<connect-video-call>` as a type (for JSX and templating typings). The
 * runtime list and validation live in widget-attributes.ts; the type check at the bottom keeps the
 * two in step.
 */
import type { OBSERVED_ATTRIBUTES } from './widget-attributes';

/** Attributes of `<connect-video-call>` (all strings, as HTML attributes are). */
export interface ConnectVideoCallAttributes {
  /** Id of an entry point configured on the server (required). */
  'entry-point': string;
  /** Where the widget's backend (`/api`) runs; defaults to the script's origin. */
  'backend-url'?: string;
  /** The customer's name, if the page knows it. */
  'display-name'?: string;
  /** `en`, `es` (others fall back to English); defaults to the page's language. */
  locale?: string;
  /** Defaults to `auto` (follows the system). */
  theme?: 'light' | 'dark' | 'auto';
  /** `off` hides the launcher button (open the widget with `element.open()`). */
  launcher?: 'on' | 'off';
  /** A short-lived JWT your site signed for its signed-in customer. */
  'customer-token'?: string;
  /** JSON object of contact attributes, e.g. `'{"product":"kettle"}'`. */
  'contact-attributes'?: string;
  /** An http(s) URL of an image (served with CORS) offered as the customer's camera background. */
  'background-image'?: string;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type _InSync = Assert<Same<keyof ConnectVideoCallAttributes, (typeof OBSERVED_ATTRIBUTES)[number]>>;

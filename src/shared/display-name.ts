/**
 * What a display name may hold. A name is shown to agents next to the customer's details, so it may
 * not carry control characters (CR/LF could fake a second line such as "Agent: verified") nor the
 * Unicode bidi controls that reorder what follows them (U+202E turns "exe.pdf" into "fdp.exe").
 * Every script, emoji and joiner is fine.
 */
// zod/mini, like call-api.ts: this schema ships to the customer's browser.
import { z } from 'zod/mini';

/**
 * C0 and C1 controls, bidi marks, embeddings, overrides and isolates, line and paragraph
 * separators.
 */
const UNSAFE_TEXT =
  /* eslint-disable-next-line no-control-regex --
     matching control characters is the point of this pattern */
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const UNSAFE_TEXT_ALL = new RegExp(UNSAFE_TEXT.source, 'gu');

const UNSAFE_NAME_MESSAGE =
  'may not contain control characters (CR, LF, tab, …) or bidi control characters (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069)';

/** True when `text` holds a character that could fake or reorder what is shown around it. */
const hasUnsafeText = (text: string): boolean => UNSAFE_TEXT.test(text);

/** `text` with every such character removed (for showing names that arrived by other routes). */
export const withoutUnsafeText = (text: string): string => text.replace(UNSAFE_TEXT_ALL, '');

/**
 * A rating's optional comment: up to 500 characters, single line, nothing that could spoof the
 * desk.
 */
export const RatingComment = z.string().check(
  z.trim(),
  z.maxLength(500),
  z.refine((v) => !hasUnsafeText(v), `comment ${UNSAFE_NAME_MESSAGE}`),
);

/**
 * A customer's display name, 1 to 256 characters after trimming, with nothing that could spoof the
 * desk.
 */
export const DisplayName = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(256),
  z.refine((v) => !hasUnsafeText(v), `displayName ${UNSAFE_NAME_MESSAGE}`),
);

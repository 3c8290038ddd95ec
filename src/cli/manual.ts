/**
 * `connect-video-call --help` and `connect-video-call start-web-rtc-contact help`: the manual, kept
 * as plain text beside this file (manual.txt) with the same sections as the AWS CLI reference page.
 */
import { readFileSync } from 'node:fs';

/** The manual text, ending with a newline. */
export function manualText(): string {
  return readFileSync(new URL('./manual.txt', import.meta.url), 'utf8');
}

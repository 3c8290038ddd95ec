/**
 * The server package (connect-video-call-server) is the widget's backend alone: the local contact
 * center and its media server (werift, opusscript, SQLite) stay in the repository. Its one way in,
 * the backend's dynamic import of `contact-center/local-provider`, is answered in the package build
 * by a module that refuses local mode with what to do instead, so no line of either lands in the
 * bundle.
 */
import type { Plugin } from 'vite';

const VIRTUAL = '\0cvc-local-provider-not-packaged';

/** What `CONNECT_MODE=local` answers in the published server package. */
export const LOCAL_MODE_NOT_PACKAGED =
  'CONNECT_MODE=local needs the local contact center, which is not part of connect-video-call-server: ' +
  'run it from the repository (npm install && npm start), or set CONNECT_MODE=aws to use Amazon Connect.';

/** Vite plugin: replaces the local provider module with one whose createLocalProvider refuses. */
export function localProviderNotPackaged(): Plugin {
  return {
    name: 'cvc-local-provider-not-packaged',
    enforce: 'pre',
    resolveId(source) {
      return /(^|\/)contact-center\/local-provider(\.ts)?$/.test(source) ? VIRTUAL : null;
    },
    load(id) {
      if (id !== VIRTUAL) return null;
      return `export async function createLocalProvider() { throw new Error(${JSON.stringify(LOCAL_MODE_NOT_PACKAGED)}); }\n`;
    },
  };
}

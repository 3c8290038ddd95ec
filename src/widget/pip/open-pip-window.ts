/**
 * Opens the Document Picture-in-Picture window for a call and dresses it like the widget: the
 * widget's stylesheets are copied into a shadow root of the new document, with the `--cvw-*` values
 * the host page resolved (its own theme, light or dark) set on that root's host, so the window
 * looks like the panel.
 */
import type { DocumentPip } from './pip-support';
import pipCss from './pip.css?inline';

/** An open picture-in-picture window and the element the call view renders into. */
export interface PipWindow {
  win: Window;
  root: HTMLElement;
}

/**
 * Opens the window (needs the user activation of the Pop out press) with the styles and theme of
 * the widget that `from` is in, titled `title`, in the widget's language.
 */
export async function openPipWindow(
  api: DocumentPip,
  from: Element,
  title: string,
): Promise<PipWindow> {
  const win = await api.requestWindow({ width: 360, height: 320 });
  const doc = win.document;
  const source = from.getRootNode() as ShadowRoot | Document;
  const css = [...source.querySelectorAll('style')].map((s) => s.textContent).join('\n');
  // The page's resolved values: the host page may theme the element with CSS the new window lacks.
  const computed = getComputedStyle(source instanceof ShadowRoot ? source.host : from);
  const host = doc.createElement('div');
  for (const name of new Set(css.match(/--cvw-[\w-]+/g)))
    host.style.setProperty(name, computed.getPropertyValue(name));
  host.style.colorScheme = computed.colorScheme;
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `${css}\n${pipCss}`;
  const root = doc.createElement('div');
  shadow.append(style, root);
  doc.title = title;
  doc.documentElement.lang = from.closest('[lang]')?.getAttribute('lang') ?? '';
  doc.body.style.margin = '0';
  doc.body.append(host);
  return { win, root };
}

/**
 * The widget as a React component (dist/react.js, React external): a thin wrapper around the
 * <connect-video-call> element that maps props to attributes and host events to callbacks.
 */
import { createElement, useEffect, useRef, useState, type ReactElement } from 'react';
import './connect-video-call';
import type { ConnectVideoCallEventMap } from './host-events';
import { elementAttributes, type MountOptions } from './widget-attributes';
import type {} from './react-jsx';

/**
 * Props of `<ConnectVideoCall>`: the element's settings (as in `mount()`) and callbacks for its
 * events.
 */
export interface ConnectVideoCallProps extends MountOptions {
  onStateChange?: (detail: ConnectVideoCallEventMap['cvc-state']['detail']) => void;
  onEnded?: (detail: ConnectVideoCallEventMap['cvc-ended']['detail']) => void;
  onError?: (detail: ConnectVideoCallEventMap['cvc-error']['detail']) => void;
  onRating?: (detail: ConnectVideoCallEventMap['cvc-rating']['detail']) => void;
}

/**
 * `<ConnectVideoCall entryPoint="default" />`: renders `<connect-video-call>` with these settings.
 */
export function ConnectVideoCall(props: ConnectVideoCallProps): ReactElement {
  const [el, setEl] = useState<HTMLElement | null>(null);
  const handlers = useRef(props);
  useEffect(() => {
    handlers.current = props;
  });
  useEffect(() => {
    if (!el) return;
    const on = (
      name: keyof ConnectVideoCallEventMap,
      pick: (p: ConnectVideoCallProps) => ((d: never) => void) | undefined,
    ) => {
      const listener = (e: Event) => pick(handlers.current)?.((e as CustomEvent).detail as never);
      el.addEventListener(name, listener);
      return () => el.removeEventListener(name, listener);
    };
    const offs = [
      on('cvc-state', (p) => p.onStateChange),
      on('cvc-ended', (p) => p.onEnded),
      on('cvc-error', (p) => p.onError),
      on('cvc-rating', (p) => p.onRating),
    ];
    return () => offs.forEach((off) => off());
  }, [el]);
  return createElement('connect-video-call', {
    ref: setEl,
    ...elementAttributes(props),
  });
}

/** The element's types, re-exported so a React site needs only this entry. */
export type {
  CallEndedBy,
  CallState,
  ConnectVideoCallAttributes,
  ConnectVideoCallElement,
  ConnectVideoCallEventMap,
  MountOptions,
} from './connect-video-call';
/** Typings that let a React site write <connect-video-call> directly in JSX. */
export type { ConnectVideoCallJsxProps } from './react-jsx';

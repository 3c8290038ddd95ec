/**
 * `<connect-video-call>` in React 19 JSX (module augmentation of 'react'): its attributes, and its
 * `cvc-*` events as React 19 custom-element event props (`oncvc-state={(e) => …}` adds a listener
 * for `cvc-state`). Part of the `connect-video-call/react` declarations, so a React site that
 * imports the package's React entry (or just its types) can also write the element itself.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ConnectVideoCallElement } from './connect-video-call';
import type { ConnectVideoCallAttributes } from './element-attributes-type';
import type { ConnectVideoCallEventMap } from './host-events';

/** The element's JSX props: React's HTML props, its attributes and its cvc-* event props. */
export type ConnectVideoCallJsxProps = DetailedHTMLProps<
  HTMLAttributes<ConnectVideoCallElement>,
  ConnectVideoCallElement
> &
  ConnectVideoCallAttributes & {
    [K in keyof ConnectVideoCallEventMap as `on${K}`]?: (
      event: ConnectVideoCallEventMap[K],
    ) => void;
  };

declare module 'react' {
  /* eslint-disable-next-line @typescript-eslint/no-namespace --
     React 19 types JSX through this namespace. */
  namespace JSX {
    interface IntrinsicElements {
      'connect-video-call': ConnectVideoCallJsxProps;
    }
  }
}

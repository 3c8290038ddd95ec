import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectVideoCall } from './react';

afterEach(cleanup);

describe('ConnectVideoCall (React)', () => {
  it('renders the custom element with attributes and maps host events to callbacks', () => {
    const onEnded = vi.fn();
    const onStateChange = vi.fn();
    const { container } = render(
      <ConnectVideoCall
        entryPoint="voice"
        displayName="Ana"
        locale="es"
        launcher={false}
        onEnded={onEnded}
        onStateChange={onStateChange}
      />,
    );
    const el = container.querySelector('connect-video-call')!;
    expect(el).toBeTruthy();
    expect(el.getAttribute('entry-point')).toBe('voice');
    expect(el.getAttribute('display-name')).toBe('Ana');
    expect(el.getAttribute('launcher')).toBe('off');
    expect(customElements.get('connect-video-call')).toBeDefined();
    act(() => {
      el.dispatchEvent(new CustomEvent('cvc-state', { detail: { state: 'connecting' } }));
      el.dispatchEvent(
        new CustomEvent('cvc-ended', {
          detail: { contactId: 'c', durationSeconds: 3, endedBy: 'agent' },
        }),
      );
    });
    expect(onStateChange).toHaveBeenCalledWith({ state: 'connecting' });
    expect(onEnded).toHaveBeenCalledWith({ contactId: 'c', durationSeconds: 3, endedBy: 'agent' });
  });
});

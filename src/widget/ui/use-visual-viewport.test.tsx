import { act, cleanup, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useVisualViewport, type VisualViewportLike } from './use-visual-viewport';

/** A visual viewport the test resizes, as the on-screen keyboard does. */
class FakeViewport extends EventTarget implements VisualViewportLike {
  height = 740;
  offsetTop = 0;
  keyboard(height: number, scrolledBy: number) {
    this.height = 740 - height;
    this.offsetTop = scrolledBy;
    this.dispatchEvent(new Event('resize'));
    this.dispatchEvent(new Event('scroll'));
  }
}

function Panel({ viewport }: { viewport: VisualViewportLike }) {
  const ref = useRef<HTMLDivElement>(null);
  useVisualViewport(ref, viewport);
  return <div ref={ref} data-testid="panel" />;
}

afterEach(cleanup);

describe('useVisualViewport', () => {
  it('sizes the panel to the visual viewport, following the on-screen keyboard', () => {
    const viewport = new FakeViewport();
    const { getByTestId } = render(<Panel viewport={viewport} />);
    const style = getByTestId('panel').style;
    expect(style.getPropertyValue('--cvw-vv-height')).toBe('740px');
    act(() => viewport.keyboard(320, 40));
    expect(style.getPropertyValue('--cvw-vv-height')).toBe('420px');
    expect(style.getPropertyValue('--cvw-vv-top')).toBe('40px');
    act(() => viewport.keyboard(0, 0));
    expect(style.getPropertyValue('--cvw-vv-height')).toBe('740px');
  });
});

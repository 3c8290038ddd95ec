import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeCallEngine } from './testing/fake-call-engine';
import { VideoTile } from './video-tile';

afterEach(cleanup);

describe('VideoTile', () => {
  it('binds its <video> to the tile while mounted and unbinds it on unmount', () => {
    const { engine } = createFakeCallEngine();
    const { unmount } = render(<VideoTile engine={engine} tileId={7} label="Video of Sam" />);
    const video = screen.getByLabelText('Video of Sam');
    expect(engine.bindTile.mock.calls).toEqual([[7, video]]);
    unmount();
    expect(engine.bindTile.mock.calls).toEqual([
      [7, video],
      [7, null],
    ]);
  });

  it('rebinds when the tile changes, and binds nothing without an engine', () => {
    const { engine } = createFakeCallEngine();
    const { rerender } = render(<VideoTile engine={engine} tileId={1} label="v" />);
    rerender(<VideoTile engine={engine} tileId={2} label="v" />);
    expect(engine.bindTile.mock.calls.map(([id, el]) => [id, el === null])).toEqual([
      [1, false],
      [1, true],
      [2, false],
    ]);
    render(<VideoTile engine={null} tileId={3} label="none" />);
    expect(engine.bindTile).toHaveBeenCalledTimes(3);
  });

  it('plays muted and inline, with the caller’s class, test id and the attendee it shows', () => {
    const { engine } = createFakeCallEngine();
    render(
      <VideoTile
        engine={engine}
        tileId={1}
        label="Screen shared by Dana"
        className="main-video"
        testId="screen"
        attendeeId="dana#content"
        isContent
      />,
    );
    const video = screen.getByTestId('screen') as HTMLVideoElement;
    expect(video.getAttribute('aria-label')).toBe('Screen shared by Dana');
    expect(video.className).toBe('main-video');
    expect([video.muted, video.autoplay, video.hasAttribute('playsinline')]).toEqual([
      true,
      true,
      true,
    ]);
    expect([video.dataset.attendee, video.dataset.content]).toEqual(['dana#content', 'true']);
  });

  it('adds no attribute the caller did not ask for', () => {
    render(<VideoTile engine={null} tileId={1} label="plain" />);
    const video = screen.getByLabelText('plain');
    expect(
      ['class', 'data-testid', 'data-attendee', 'data-content'].filter((a) =>
        video.hasAttribute(a),
      ),
    ).toEqual([]);
  });
});

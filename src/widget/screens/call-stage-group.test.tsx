/**
 * The stage with three to six people: every participant's tile with their name, the agent marked,
 * muted badges, the speaker highlighted, and a shared screen still the main view.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallEngine } from '../../call-engine/call-engine-api';
import { createFakeCallEngine } from '../../call-engine/testing/fake-call-engine';
import { presentAttendee, videoTile } from '../../call-engine/testing/snapshot-of';
import { stringsFor } from '../strings/strings';
import { CallStage } from './call-stage';

const t = stringsFor('en');
afterEach(cleanup);

const people = { p2: 'Sam Specialist', p3: 'Lee Lawyer', p4: 'Kim', p5: 'Max' };
function stage(extra: string[], parts: Parameters<typeof presentAttendee>[1] = {}) {
  const { engine, store } = createFakeCallEngine({
    initial: { status: { kind: 'joined', joinedAt: 1 }, selfAttendeeId: 'me', cameraOn: true },
  });
  store.update({
    attendees: [
      presentAttendee('me', { externalUserId: 'customer-p1' }),
      presentAttendee('a', { externalUserId: 'agent-alex' }),
      ...extra.map((id) => presentAttendee(id, { externalUserId: `customer-${id}`, ...parts })),
    ],
    tiles: [videoTile(1, 'me', { isLocal: true }), videoTile(2, 'a'), videoTile(3, 'p2')],
    activeSpeakerId: 'p2',
  });
  const view = renderStage(engine);
  return { view, store, engine };
}

/** The stage as the in-call screen renders it (it selects what it shows from the engine). */
function renderStage(engine: CallEngine) {
  return render(
    <CallStage
      t={t}
      engine={engine}
      agentName="Alex Rivera"
      selfName="Mia"
      showContent
      people={people}
    />,
  );
}

describe('CallStage with more than two people', () => {
  it('three people: a grid with the agent badged, names, the speaker highlighted', () => {
    const { view } = stage(['p2']);
    const grid = view.container.querySelector('.cvw-grid-3');
    expect(grid).toBeTruthy();
    const figures = [...view.container.querySelectorAll('figure')];
    expect(figures.map((f) => f.querySelector('figcaption')?.textContent)).toEqual([
      'AgentAlex Rivera',
      'Sam Specialist',
      'Mia',
    ]);
    expect(figures[1]?.getAttribute('data-speaking')).toBe('true');
    expect(figures[0]?.getAttribute('data-speaking')).toBeNull();
    expect(screen.getByLabelText('Video of Sam Specialist')).toBeTruthy();
  });

  it('six people: six tiles, muted badges by name, a guest without a known name', () => {
    const { view } = stage(['p2', 'p3', 'p4', 'zz'], { muted: true });
    expect(view.container.querySelector('.cvw-grid-6')).toBeTruthy();
    expect(view.container.querySelectorAll('figure')).toHaveLength(6);
    expect(screen.getByRole('img', { name: 'Lee Lawyer is muted' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Guest is muted' })).toBeTruthy();
  });

  it('a shared screen stays the main view, everyone else as thumbnails', () => {
    const { engine, store } = createFakeCallEngine({
      initial: { status: { kind: 'joined', joinedAt: 1 }, selfAttendeeId: 'me' },
    });
    store.update({
      attendees: [
        presentAttendee('a', { externalUserId: 'agent-alex' }),
        presentAttendee('p2', { externalUserId: 'customer-p2' }),
      ],
      tiles: [videoTile(5, 'p2#content')],
    });
    const view = renderStage(engine);
    expect(screen.getByLabelText('Screen shared by Sam Specialist')).toBeTruthy();
    const thumbs = view.container.querySelector('.cvw-thumbs');
    expect(
      within(thumbs as HTMLElement)
        .getAllByRole('figure')
        .map((f) => f.querySelector('figcaption')?.textContent),
    ).toEqual(['AgentAlex Rivera', 'Sam Specialist', 'Mia']);
  });
});

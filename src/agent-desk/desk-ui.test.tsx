import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeskContact } from '../shared/agent-desk-api';
import { ContactActivity } from './contact-activity';
import { ContactHistory } from './contact-history';
import { IncomingContact } from './incoming-contact';
import { StatusBar } from './status-bar';

const contact: DeskContact = {
  id: 'c-1',
  state: 'RINGING',
  customerName: 'Dana',
  description: 'Video call from Dana',
  attributes: { product: 'kettle' },
  references: {
    page: { Type: 'URL', Value: 'https://shop.example/kettle' },
    bad: { Type: 'URL', Value: 'javascript:alert(1)' },
  },
  relatedContact: { id: 'c-0', customerName: 'Dana', state: 'ENDED' },
  queueName: 'Support',
  ringStartedAt: Date.now(),
  ringTimeoutSeconds: 20,
  capabilities: {
    customer: { video: true, screenShare: true },
    agent: { video: true, screenShare: false },
  },
  dtmf: [{ at: 2, digits: '2' }],
  captions: [{ at: 1, text: 'Press 1 for sales, or 2 for support.' }],
  participants: [],
};

afterEach(cleanup);

describe('agent desk UI', () => {
  it('an incoming contact is a labelled dialog with the details, safe links, and Accept focused', () => {
    const onAccept = vi.fn();
    const onReject = vi.fn();
    render(
      <IncomingContact contact={contact} busy={false} onAccept={onAccept} onReject={onReject} />,
    );
    const dialog = screen.getByRole('dialog', { name: /Incoming video contact/ });
    expect(within(dialog).getByText('Video call from Dana')).toBeTruthy();
    expect(within(dialog).getByText('Support')).toBeTruthy();
    expect(within(dialog).getByText(/c-0/)).toBeTruthy();
    const link = within(dialog).getByRole('link', { name: 'https://shop.example/kettle' });
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(within(dialog).queryByRole('link', { name: /javascript/ })).toBeNull();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Accept' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reject' }));
    expect(onReject).toHaveBeenCalledOnce();
    expect(onAccept).not.toHaveBeenCalled();
  });

  it('Available and Offline are aria-pressed toggles, disabled while on a contact', () => {
    const onStatus = vi.fn();
    const agent = {
      id: 'a',
      username: 'alex',
      name: 'Alex Rivera',
      status: 'AVAILABLE' as const,
      statusSince: 0,
    };
    const { rerender } = render(
      <StatusBar agent={agent} busy={false} onStatus={onStatus} onSignOut={() => {}} />,
    );
    expect(screen.getByRole('button', { name: 'Available' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(screen.getByRole('button', { name: 'Offline' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Offline' }));
    expect(onStatus).toHaveBeenCalledWith('OFFLINE');
    rerender(
      <StatusBar
        agent={{ ...agent, status: 'ON_CONTACT' }}
        busy={false}
        onStatus={onStatus}
        onSignOut={() => {}}
      />,
    );
    expect((screen.getByRole('button', { name: 'Offline' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('shows DTMF and captions in order in a log region', () => {
    render(<ContactActivity contact={contact} />);
    const items = within(screen.getByRole('log'))
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(items[0]).toContain('Prompt: Press 1 for sales, or 2 for support.');
    expect(items[1]).toContain('Customer pressed 2');
  });

  it('lists recent contacts with the call time and the customer rating once given', () => {
    const { container } = render(
      <ContactHistory
        items={[
          {
            id: 'c-2',
            customerName: 'Rae',
            durationSeconds: 95,
            rating: { score: 4, comment: 'Quick' },
          },
          { id: 'c-1', customerName: 'Dana', durationSeconds: 5 },
        ]}
      />,
    );
    const items = within(screen.getByRole('region', { name: 'Recent contacts' })).getAllByRole(
      'listitem',
    );
    expect(items.map((li) => li.textContent)).toEqual([
      'Rae1:35Customer rating 4 of 5Quick',
      'Dana0:05Not rated',
    ]);
    expect(container.querySelectorAll('section')).toHaveLength(1);
    const empty = render(<ContactHistory items={[]} />, {
      container: document.createElement('div'),
    });
    expect(empty.container.innerHTML).toBe(''); // no contacts yet: no empty box
  });
});

import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stringsFor } from '../strings/strings';
import { RatingForm } from './rating-form';

afterEach(cleanup);

describe('RatingForm', () => {
  it('is a named radio group of 1–5 with a comment; Space picks a score, Send says thank you', async () => {
    const onRate = vi.fn(async () => undefined);
    render(<RatingForm t={stringsFor('en')} onRate={onRate} />);
    const group = screen.getByRole('group', { name: 'How did the call go?' });
    expect(group.querySelectorAll('input[type=radio]')).toHaveLength(5);
    await userEvent.click(screen.getByRole('button', { name: 'Send rating' }));
    expect(onRate).not.toHaveBeenCalled(); // no score chosen yet
    // Arrow keys within the group are the browser's (checked in Playwright); Space picks the
    // focused one.
    screen.getByRole('radio', { name: '4 of 5: good' }).focus();
    await userEvent.keyboard(' ');
    expect(screen.getByRole('radio', { name: '4 of 5: good' })).toHaveProperty('checked', true);
    await userEvent.type(screen.getByLabelText('Comment (optional)'), ' Quick help ');
    await userEvent.click(screen.getByRole('button', { name: 'Send rating' }));
    expect(onRate).toHaveBeenCalledWith(4, 'Quick help');
    expect((await screen.findByRole('status')).textContent).toBe('Thank you for your rating.');
  });

  it('a failed send is an alert and can be sent again; Skip removes the question (Spanish)', async () => {
    const onRate = vi.fn().mockRejectedValueOnce(new Error('409')).mockResolvedValueOnce(undefined);
    const t = stringsFor('es');
    const { unmount } = render(<RatingForm t={t} onRate={onRate} />);
    await userEvent.click(screen.getByRole('radio', { name: '5 de 5: muy buena' }));
    await userEvent.click(screen.getByRole('button', { name: 'Enviar valoración' }));
    expect((await screen.findByRole('alert')).textContent).toBe(t.ratingFailed);
    await userEvent.click(screen.getByRole('button', { name: 'Enviar valoración' }));
    expect(await screen.findByText('Gracias por su valoración.')).toBeTruthy();
    unmount();
    render(<RatingForm t={t} onRate={onRate} />);
    await userEvent.click(screen.getByRole('button', { name: 'Omitir' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(onRate).toHaveBeenCalledTimes(2);
  });
});

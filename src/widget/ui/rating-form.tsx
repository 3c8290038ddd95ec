/**
 * "How did the call go?": a real radio group of 1–5 (each with a spoken meaning), an optional
 * comment, Send and Skip. Sending says thank you in the polite status line; a failure is an alert
 * with the way forward (send again). Keyboard: arrows move within the group, Tab to the rest.
 */
import { useState, type FormEvent } from 'react';
import type { Strings } from '../strings/strings';

/** Where the rating goes. */
export interface RatingFormProps {
  t: Strings;
  /** Sends the rating; rejects when it could not be stored. */
  onRate: (score: number, comment: string) => Promise<void>;
}

const SCORES = [1, 2, 3, 4, 5] as const;

/** How did the call go: 1 to 5, an optional comment, skippable. */
export function RatingForm({ t, onRate }: RatingFormProps) {
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [status, setStatus] = useState<'open' | 'sending' | 'sent' | 'failed' | 'skipped'>('open');
  if (status === 'skipped') return null;
  if (status === 'sent')
    return (
      <p className="cvw-rating" role="status">
        {t.ratingThanks}
      </p>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (score === null || status === 'sending') return;
    setStatus('sending');
    onRate(score, comment.trim()).then(
      () => setStatus('sent'),
      () => setStatus('failed'),
    );
  };
  return (
    // Fixed ids and names, like the panel's: each widget renders in its own shadow root and form.
    <form className="cvw-rating" aria-labelledby="cvw-rating-q" onSubmit={submit}>
      <fieldset>
        <legend id="cvw-rating-q">{t.ratingQuestion}</legend>
        {SCORES.map((n) => (
          <label key={n} className="cvw-rating-score">
            <input
              type="radio"
              name="cvw-rating"
              value={n}
              checked={score === n}
              onChange={() => setScore(n)}
              aria-label={t.ratingScore(n)}
            />
            <span aria-hidden="true">
              {/* A text star, not an icon: the call UI's download budget is tight. */}
              {score !== null && n <= score ? '★' : '☆'} {n}
            </span>
          </label>
        ))}
      </fieldset>
      <label className="cvw-field">
        {t.ratingComment}
        <textarea
          rows={2}
          maxLength={500}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </label>
      {status === 'failed' && (
        <p className="cvw-error-text" role="alert">
          {t.ratingFailed}
        </p>
      )}
      <div className="cvw-row">
        <button type="button" className="cvw-button" onClick={() => setStatus('skipped')}>
          {t.ratingSkip}
        </button>
        <button
          type="submit"
          className="cvw-button cvw-primary"
          aria-disabled={score === null || status === 'sending'}
        >
          {t.ratingSend}
        </button>
      </div>
    </form>
  );
}

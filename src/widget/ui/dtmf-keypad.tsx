/**
 * The DTMF keypad: twelve real buttons; each press is sent through the backend as `audio/dtmf`.
 * Keys typed on the keyboard are sent by the widget and reported here through `typed`.
 */
import { useState } from 'react';
import type { Strings } from '../strings/strings';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** Where a pressed digit goes, and the digits typed so far. */
export interface DtmfKeypadProps {
  t: Strings;
  onDigit: (digit: string) => Promise<void>;
  typed?: { digit: string; ok: boolean; n: number } | null;
}

/**
 * The keypad for the flow's touchtone prompts (a labelled group of buttons, with keyboard digits).
 */
export function DtmfKeypad({ t, onDigit, typed }: DtmfKeypadProps) {
  const [pressed, setPressed] = useState<{ note: string; at: number } | null>(null);
  const press = async (digit: string) => {
    const at = typed?.n ?? 0;
    try {
      await onDigit(digit);
      setPressed({ note: t.dtmfSent(digit), at });
    } catch {
      setPressed({ note: t.dtmfFailed, at });
    }
  };
  // The latest of a clicked key and a typed one is what the note says.
  const typedNote = typed ? (typed.ok ? t.dtmfSent(typed.digit) : t.dtmfFailed) : '';
  const note = pressed && (!typed || pressed.at >= typed.n) ? pressed.note : typedNote;
  return (
    <div className="cvw-keypad" role="group" aria-label={t.keypad}>
      <div className="cvw-keypad-grid">
        {KEYS.map((k) => (
          <button key={k} type="button" className="cvw-key" onClick={() => void press(k)}>
            {k}
          </button>
        ))}
      </div>
      <p className="cvw-keypad-note" aria-live="polite">
        {note || t.keysHint}
      </p>
    </div>
  );
}

/** The DTMF keypad: twelve real buttons; each press is sent through the backend as `audio/dtmf`. */
import { useState } from 'react';
import type { Strings } from '../strings/strings';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

export function DtmfKeypad({ t, onDigit }: { t: Strings; onDigit: (digit: string) => Promise<void> }) {
  const [note, setNote] = useState('');
  const press = async (digit: string) => {
    try {
      await onDigit(digit);
      setNote(t.dtmfSent(digit));
    } catch {
      setNote(t.dtmfFailed);
    }
  };
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
        {note}
      </p>
    </div>
  );
}

/**
 * Camera, microphone and speaker pickers (speaker only where the browser can route audio output).
 */
import { useId } from 'react';
import type { DeviceOption } from '../../call-engine/call-types';
import type { Strings } from '../strings/strings';

/** The devices to pick from, the ones in use, and the change handlers. */
export interface DevicePickersProps {
  t: Strings;
  cameras?: DeviceOption[];
  microphones: DeviceOption[];
  speakers?: DeviceOption[];
  camera?: string | null;
  microphone: string | null;
  speaker?: string | null;
  onCamera?: (id: string) => void;
  onMicrophone: (id: string) => void;
  onSpeaker?: (id: string) => void;
}

function Picker(props: {
  label: string;
  options: DeviceOption[];
  value: string | null;
  onChange: (id: string) => void;
}) {
  const id = useId();
  return (
    <div className="cvw-field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.target.value)}
        disabled={props.options.length === 0}
      >
        {props.options.map((o) => (
          <option key={o.deviceId} value={o.deviceId}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Camera, microphone and speaker pickers (labelled selects). */
export function DevicePickers(p: DevicePickersProps) {
  return (
    <div className="cvw-pickers">
      {p.cameras && p.onCamera && (
        <Picker
          label={p.t.camera}
          options={p.cameras}
          value={p.camera ?? null}
          onChange={p.onCamera}
        />
      )}
      <Picker
        label={p.t.microphone}
        options={p.microphones}
        value={p.microphone}
        onChange={p.onMicrophone}
      />
      {p.speakers && p.onSpeaker && p.speakers.length > 0 && (
        <Picker
          label={p.t.speaker}
          options={p.speakers}
          value={p.speaker ?? null}
          onChange={p.onSpeaker}
        />
      )}
    </div>
  );
}

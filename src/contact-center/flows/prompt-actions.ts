/**
 * MessageParticipant and GetParticipantInput (DTMF): the prompt reaches the customer as a caption
 * and, where a TTS engine is installed, as speech; digits arrive from the Participant Service.
 */
import type { FlowAction } from './flow-document';
import { interpolate } from './flow-references';
import {
  fail,
  next,
  param,
  type ActionHandler,
  type ActionOutcome,
  type FlowExecution,
  type FlowServices,
} from './flow-execution';
import { isTouchtoneBufferBlock, setTouchtoneBufferBehavior } from './touchtone-actions';

type Prompt = { text: string; ssml: boolean } | { error: string };

/** The prompt of an action: exactly one of Text, SSML, PromptId or Media. */
function promptOf(action: FlowAction, run: FlowExecution): Prompt {
  const given = ['Text', 'SSML', 'PromptId', 'Media'].filter(
    (k) => action.Parameters[k] !== undefined,
  );
  if (given.length !== 1)
    return {
      error: `needs exactly one of Text, SSML, PromptId or Media (got ${given.join(', ') || 'none'})`,
    };
  const text = param(action, 'Text');
  if (text !== undefined) return { text: interpolate(text, run.scope()), ssml: false };
  const ssml = param(action, 'SSML');
  if (ssml !== undefined) return { text: interpolate(ssml, run.scope()), ssml: true };
  return {
    error: `${given[0]} prompts need a prompt library, which the local contact center does not have`,
  };
}

/** Plays a prompt, stopping early when `interrupt` aborts. */
async function play(
  services: FlowServices,
  run: FlowExecution,
  prompt: { text: string; ssml: boolean },
  interrupt?: Promise<void>,
): Promise<void> {
  const contact = services.contacts.get(run.contactId);
  if (!contact) return;
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  run.signal.addEventListener('abort', onAbort, { once: true });
  void interrupt?.then(onAbort);
  try {
    await Promise.race([
      services.prompts.play(contact, prompt, stop.signal),
      new Promise<void>((r) => stop.signal.addEventListener('abort', () => r(), { once: true })),
    ]);
  } finally {
    run.signal.removeEventListener('abort', onAbort);
  }
}

/** MessageParticipant: plays or captions a prompt. */
export const messageParticipant: ActionHandler = async (action, run, services) => {
  const prompt = promptOf(action, run);
  if ('error' in prompt) return fail(prompt.error);
  // "Skip or interrupt this prompt when touchtone buffering is enabled": a buffered key skips it,
  // a key pressed while it plays stops it. Unchecked (the default), it plays whatever is buffered.
  const buffer =
    param(action, 'SkipWhenDTMFBufferEnabled')?.toLowerCase() === 'true'
      ? services.dtmf.buffer(run.contactId)
      : undefined;
  if (buffer && buffer.contents.length > 0) return next();
  const keyWait = new AbortController();
  try {
    await play(services, run, prompt, buffer?.nextKey(keyWait.signal));
  } finally {
    keyWait.abort();
  }
  return next();
};

function seconds(
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

function validatePhone(digits: string, format: string, countryCode: string): string | undefined {
  if (format === 'E164') return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : undefined;
  if (countryCode === 'US' || countryCode === 'CA')
    return /^[2-9]\d{9}$/.test(digits) ? `+1${digits}` : undefined;
  return /^\d{4,15}$/.test(digits) ? digits : undefined;
}

/** GetParticipantInput: a prompt, then the customer's DTMF digits (or a timeout). */
export const getParticipantInput: ActionHandler = async (
  action,
  run,
  services,
): Promise<ActionOutcome> => {
  if (isTouchtoneBufferBlock(action)) return setTouchtoneBufferBehavior(action, run, services);
  if (action.Parameters.LexV2Bot !== undefined || action.Parameters.LexBot !== undefined)
    return fail('Lex bots are not available in the local contact center');
  const prompt = promptOf(action, run);
  if ('error' in prompt) return fail(prompt.error);
  const timeLimit = seconds(param(action, 'InputTimeLimitSeconds'), 5, 1, 180);
  const dtmf = (action.Parameters.DTMFConfiguration ?? {}) as Record<string, string>;
  const interDigit = seconds(dtmf.InterdigitTimeLimitSeconds, 5, 1, 20);
  if (timeLimit === undefined || interDigit === undefined)
    return fail(
      'InputTimeLimitSeconds and InterdigitTimeLimitSeconds must be whole seconds in range',
    );
  const store = param(action, 'StoreInput') === 'True';
  const validation = (action.Parameters.InputValidation ?? {}) as {
    CustomValidation?: { MaximumLength?: string };
    PhoneNumberValidation?: { NumberFormat?: string; CountryCode?: string };
  };
  if (store && !validation.CustomValidation && !validation.PhoneNumberValidation)
    return fail('StoreInput True needs InputValidation');
  const maxLength = Number(validation.CustomValidation?.MaximumLength ?? 20);

  const input = services.dtmf.open(run.contactId, {
    single: !store,
    firstDigitMs: timeLimit * 1000,
    interDigitMs: interDigit * 1000,
    maxLength: Number.isInteger(maxLength) && maxLength > 0 ? maxLength : 20,
    terminator: dtmf.InputTerminationSequence ?? '#',
    signal: run.signal,
  });
  // Keys already in the touchtone buffer answer at once: the customer is not prompted.
  if (!input.keyed()) await play(services, run, prompt, input.firstKey);
  input.armTimeout();
  const digits = await input.result;
  if (digits === undefined) return fail(`no input within ${timeLimit} s`, 'InputTimeLimitExceeded');
  if (!store) return { kind: 'result', value: digits };

  const phone = validation.PhoneNumberValidation;
  const value = phone
    ? validatePhone(digits, phone.NumberFormat ?? 'Local', phone.CountryCode ?? 'US')
    : digits;
  if (value === undefined)
    return fail('the entered digits are not a valid phone number', 'InvalidPhoneNumber');
  run.storedCustomerInput = value;
  return next();
};

/**
 * Set voice (UpdateContactTextToSpeechVoice): the Polly voice later prompts of this contact are
 * spoken with. The local contact center speaks the voice's language with espeak-ng.
 */
import { voiceLanguage } from '../speech/voices';
import { resolveValue } from './flow-references';
import { fail, next, param, type ActionHandler } from './flow-execution';

const ENGINES = ['standard', 'neural', 'generative'];

/** UpdateContactTextToSpeechVoice: the voice of later prompts. */
export const updateContactTextToSpeechVoice: ActionHandler = (action, run, services) => {
  const given = param(action, 'TextToSpeechVoice');
  if (given === undefined) return fail('TextToSpeechVoice is required');
  const voice = resolveValue(given, run.scope());
  if (!voice || !voiceLanguage(voice))
    return fail(`TextToSpeechVoice "${given}" is not a voice the local contact center knows`);
  const engine = param(action, 'TextToSpeechEngine');
  if (engine !== undefined && !ENGINES.includes(engine.toLowerCase()))
    return fail(`TextToSpeechEngine "${engine}" must be one of Standard, Neural, Generative`);
  services.contacts.transition(run.contactId, {
    kind: 'flow-data-set',
    data: { textToSpeechVoice: voice },
  });
  return next();
};

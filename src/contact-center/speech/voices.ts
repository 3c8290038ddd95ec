/**
 * Voices for flow prompts: the Amazon Polly voice names a flow's Set voice block uses, with their
 * languages, and the espeak-ng voice that speaks each language locally. Only the languages the
 * widget offers (English, Spanish) are listed; any other voice name is refused like an unknown one.
 */

/** Polly voice name → language code (docs.aws.amazon.com/polly/latest/dg/available-voices.html). */
const POLLY_VOICES: Record<string, string> = {
  Joanna: 'en-US',
  Matthew: 'en-US',
  Ivy: 'en-US',
  Justin: 'en-US',
  Kendra: 'en-US',
  Kimberly: 'en-US',
  Salli: 'en-US',
  Joey: 'en-US',
  Kevin: 'en-US',
  Ruth: 'en-US',
  Stephen: 'en-US',
  Danielle: 'en-US',
  Gregory: 'en-US',
  Amy: 'en-GB',
  Emma: 'en-GB',
  Brian: 'en-GB',
  Arthur: 'en-GB',
  Lupe: 'es-US',
  Penelope: 'es-US',
  Miguel: 'es-US',
  Pedro: 'es-US',
  Lucia: 'es-ES',
  Conchita: 'es-ES',
  Enrique: 'es-ES',
  Sergio: 'es-ES',
  Mia: 'es-MX',
  Andres: 'es-MX',
};

/** The voice a contact speaks with before any Set voice block (Connect's default). */
export const DEFAULT_VOICE = 'Joanna';
/** The prompts' language when a flow sets none. */
export const DEFAULT_LANGUAGE = 'en-US';

/** The language of a Polly voice, or undefined for a voice this contact center does not know. */
export function voiceLanguage(voice: string): string | undefined {
  return Object.hasOwn(POLLY_VOICES, voice) ? POLLY_VOICES[voice] : undefined;
}

/**
 * The espeak-ng voice for a language code: Latin American Spanish for the Americas, Spain's
 * otherwise.
 */
export function espeakVoice(languageCode: string): string {
  const [lang = 'en', region = ''] = languageCode.toLowerCase().split('-');
  if (lang === 'es') return region === 'es' || region === '' ? 'es' : 'es-419';
  if (lang === 'en') return region === 'gb' ? 'en-gb' : 'en-us';
  return lang;
}

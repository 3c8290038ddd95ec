/**
 * Picks the strings table for a locale ("es-MX" -> es) and formats durations. Adding a language is
 * adding one table here.
 */
import { en, type Strings } from './en';
import { es } from './es';

const tables: Record<string, Strings> = { en, es };

/**
 * The widget's language for a BCP 47 locale: a language with a table ("es-MX" -> "es"), else "en".
 */
export function languageOf(locale: string | undefined): string {
  const lang = (locale ?? 'en').toLowerCase().split('-')[0] ?? 'en';
  return lang in tables ? lang : 'en';
}

/** The table for a BCP 47 locale, English when the language has none. */
export function stringsFor(locale: string | undefined): Strings {
  return tables[languageOf(locale)] ?? en;
}

/** The shape every strings table has (English is the reference), re-exported for the UI. */
export type { Strings };

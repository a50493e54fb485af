// Which language to greet a visitor in: the first of theirs the portal speaks, French otherwise.
import { DEFAULT_LANG, LANGS, type Lang } from './site.config.ts';

export function pickLanguage(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.trim().toLowerCase().split(/[-_;]/)[0];
    const lang = LANGS.find((l) => l === base);
    if (lang) return lang;
  }
  return DEFAULT_LANG;
}

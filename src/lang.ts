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

/** Accept-Language header → tags ordered by preference (q), for the server. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((l) => l.tag && l.tag !== '*' && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((l) => l.tag);
}

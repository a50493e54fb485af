import { describe, expect, it } from 'vitest';
import { widgetLang } from '../embed/config.ts';
import { dialogT } from './dialog.ts';
import { enDialog } from './en-dialog.ts';
import { en } from './en.ts';
import { frDialog } from './fr-dialog.ts';
import { fr } from './fr.ts';
import { widgetT } from './index.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('widget strings', () => {
  it('has the same keys and placeholders in English as in French, banner and dialog alike', () => {
    for (const [french, english] of [
      [fr, en],
      [frDialog, enDialog],
    ] as [Record<string, string>, Record<string, string>][]) {
      expect(Object.keys(english).sort()).toEqual(Object.keys(french).sort());
      for (const key of Object.keys(french))
        expect(placeholders(english[key]!), key).toEqual(placeholders(french[key]!));
    }
  });

  it('follows the page language, French unless it is English', () => {
    expect(widgetLang('en-CA')).toBe('en');
    expect(widgetLang('fr-CA')).toBe('fr');
    expect(widgetLang('es')).toBe('fr');
    expect(widgetLang(null)).toBe('fr');
    expect(widgetT('en')('banner.renew.expired', { days: 180 })).toBe(
      'Your last choice is more than 180 days old: please confirm it.',
    );
    expect(dialogT('fr')('dialog.current', { date: '23/11/2026', policy: '1.1' })).toBe(
      'Votre choix du 23/11/2026 (politique 1.1).',
    );
    expect(dialogT('en')('action.acceptAll')).toBe('Accept all');
  });
});

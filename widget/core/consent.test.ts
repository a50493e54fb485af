import { beforeEach, describe, expect, it } from 'vitest';
import {
  $consent,
  $draft,
  $gpc,
  $record,
  $renewal,
  $view,
  acceptAll,
  closePreferences,
  openPreferences,
  refuseAll,
  type Settings,
  saveChoices,
  setChoice,
  setService,
  grant,
  $services,
  $draftServices,
  start,
  adopt,
} from './consent.ts';
import type { ConsentRecord } from './record.ts';

let clock = Date.UTC(2026, 10, 23);
const settings = (over: Partial<Settings> = {}): Settings => ({
  revision: 1,
  policy: '1.1',
  maxAgeDays: 180,
  gpc: false,
  now: () => clock,
  newId: () => 'abcdefgh1234',
  ...over,
});
const day = 86_400_000;
const stored = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: 'storedid0001',
  created: clock - 10 * day,
  updated: clock - 10 * day,
  choices: { preferences: true, statistics: true, advertising: false, social: false },
  revision: 1,
  policy: '1.1',
  gpc: false,
  method: 'custom',
  services: {},
  ...over,
});

beforeEach(() => {
  clock = Date.UTC(2026, 10, 23);
});

describe('first visit', () => {
  it('shows the banner and allows nothing optional before a choice', () => {
    start(settings(), null);
    expect($view.get()).toBe('banner');
    expect($consent.get()).toEqual({ preferences: false, statistics: false, advertising: false, social: false });
  });

  it('accepts everything with one action, and refuses everything with one action', () => {
    start(settings(), null);
    acceptAll();
    expect($consent.get()).toEqual({ preferences: true, statistics: true, advertising: true, social: true });
    expect($view.get()).toBe('hidden');
    expect($record.get()).toMatchObject({
      id: 'abcdefgh1234',
      method: 'accept-all',
      services: {},
      policy: '1.1',
      revision: 1,
      created: clock,
      updated: clock,
    });
    start(settings(), null);
    refuseAll();
    expect($consent.get()).toEqual({ preferences: false, statistics: false, advertising: false, social: false });
    expect($record.get()?.method).toBe('refuse-all');
  });

  it('saves a customised choice and keeps the banner when the dialog is closed without one', () => {
    start(settings(), null);
    openPreferences();
    expect($view.get()).toBe('preferences');
    setChoice('statistics', true);
    closePreferences();
    expect($view.get()).toBe('banner');
    expect($record.get()).toBeNull();
    openPreferences();
    expect($draft.get().statistics).toBe(false);
    setChoice('social', true);
    saveChoices();
    expect($consent.get()).toEqual({ preferences: false, statistics: false, advertising: false, social: true });
    expect($record.get()?.method).toBe('custom');
  });
});

describe('a returning visitor', () => {
  it('keeps consent when the revision and policy are unchanged', () => {
    start(settings(), stored());
    expect($view.get()).toBe('hidden');
    expect($consent.get().statistics).toBe(true);
    expect($renewal.get()).toBeNull();
  });

  it('can change or withdraw a choice at any time, keeping the decision id and first date', () => {
    const first = stored();
    start(settings(), first);
    clock += day;
    openPreferences();
    expect($draft.get()).toEqual(first.choices);
    setChoice('statistics', false);
    saveChoices();
    expect($record.get()).toMatchObject({
      id: 'storedid0001',
      created: first.created,
      updated: clock,
      choices: { statistics: false },
    });
  });

  it('asks again when the declaration revision changes', () => {
    start(settings({ revision: 2 }), stored());
    expect($view.get()).toBe('banner');
    expect($renewal.get()).toEqual({ reason: 'revision' });
    expect($consent.get().statistics).toBe(false);
  });

  it('asks again when a version requiring renewed consent has come into force', () => {
    start(settings({ policy: '2.0', renewSince: '2.0' }), stored());
    expect($renewal.get()).toEqual({ reason: 'policy', from: '1.1', to: '2.0' });
    expect($view.get()).toBe('banner');
    acceptAll();
    expect($record.get()?.policy).toBe('2.0');
    expect($renewal.get()).toBeNull();
  });

  it('does not ask again for a new version that does not require it', () => {
    start(settings({ policy: '1.2', renewSince: '1.0' }), stored());
    expect($view.get()).toBe('hidden');
  });

  it('asks again once consent has expired', () => {
    start(settings(), stored({ updated: clock - 181 * day, created: clock - 181 * day }));
    expect($renewal.get()).toEqual({ reason: 'expired' });
    start(settings({ maxAgeDays: 365 }), stored({ updated: clock - 181 * day, created: clock - 181 * day }));
    expect($renewal.get()).toBeNull();
  });
});

describe('Global Privacy Control', () => {
  it('keeps advertising refused on "accept all" and records the signal', () => {
    start(settings({ gpc: true }), null);
    expect($gpc.get()).toBe(true);
    acceptAll();
    expect($consent.get()).toEqual({ preferences: true, statistics: true, advertising: false, social: true });
    expect($record.get()?.gpc).toBe(true);
  });

  it('lets an explicit choice of the person win over the signal', () => {
    start(settings({ gpc: true }), null);
    openPreferences();
    setChoice('advertising', true);
    saveChoices();
    expect($consent.get().advertising).toBe(true);
  });

  it('applies to a stored decision made without it, "accept all" included, and records that it did', () => {
    start(
      settings({ gpc: true }),
      stored({
        method: 'accept-all',
        services: {},
        choices: { preferences: true, statistics: true, advertising: true, social: true },
      }),
    );
    expect($consent.get()).toEqual({ preferences: true, statistics: true, advertising: false, social: true });
    expect($record.get()).toMatchObject({ gpc: true, method: 'accept-all', id: 'storedid0001' });
    expect($view.get()).toBe('hidden');
  });

  it('yields to a stored choice made in the dialog while the signal was on', () => {
    const explicit = stored({
      gpc: true,
      method: 'custom',
      services: {},
      choices: { preferences: false, statistics: false, advertising: true, social: false },
    });
    start(settings({ gpc: true }), explicit);
    expect($record.get()).toBe(explicit);
    expect($consent.get().advertising).toBe(true);
  });
});

describe('decisions made by a script of the page', () => {
  it('are recorded as such, never as the person’s click', () => {
    start(settings(), null);
    acceptAll('api');
    expect($record.get()?.method).toBe('api');
    refuseAll('api');
    expect($record.get()).toMatchObject({
      method: 'api',
      services: {},
      choices: { preferences: false, statistics: false, advertising: false, social: false },
    });
  });
});

describe('choices per service', () => {
  const services = {
    analytics: 'statistics',
    googleads: 'advertising',
    metapixel: 'advertising',
    youtube: 'social',
    linkedin: 'social',
  } as const;

  it('keeps a service apart from its category, and only where it differs', () => {
    start(settings({ services }), null);
    openPreferences();
    setService('youtube', true);
    setService('analytics', false);
    saveChoices();
    expect($record.get()?.services).toEqual({ youtube: true });
    expect($services.get()).toEqual({ youtube: true });
    expect($consent.get().social).toBe(false);
  });

  it('lets a category’s switch set all its services again', () => {
    start(settings({ services }), null);
    openPreferences();
    setService('youtube', true);
    setChoice('social', false);
    expect($draftServices.get()).toEqual({});
    setService('linkedin', false);
    setChoice('social', true);
    saveChoices();
    expect($record.get()?.services).toEqual({});
    expect($consent.get().social).toBe(true);
  });

  it('allows one embed’s service on request, without its category', () => {
    start(settings({ services }), null);
    refuseAll();
    grant('social', 'youtube');
    expect($record.get()).toMatchObject({ choices: { social: false }, services: { youtube: true } });
    grant('social');
    expect($record.get()).toMatchObject({ choices: { social: true }, services: {} });
  });

  it('lets Global Privacy Control refuse an advertising service allowed apart', () => {
    start(
      settings({ services, gpc: true }),
      stored({ choices: { ...stored().choices, advertising: false }, services: { metapixel: true } }),
    );
    expect($record.get()?.services).toEqual({});
    expect($record.get()?.gpc).toBe(true);
  });
});

describe('a decision made elsewhere (another tab, a page restored by Back)', () => {
  it('takes the banner away, or brings it back, with the decision now in force', () => {
    start(settings(), null);
    adopt(stored({ choices: { preferences: false, statistics: false, advertising: false, social: false } }));
    expect($view.get()).toBe('hidden');
    expect($consent.get().statistics).toBe(false);
    adopt(null);
    expect($view.get()).toBe('banner');
    expect($record.get()).toBeNull();
  });

  it('shows it in an open dialog, so that a change is made on it and not on what the page remembered', () => {
    start(settings(), stored({ choices: { preferences: true, statistics: true, advertising: true, social: true } }));
    openPreferences();
    expect($draft.get().statistics).toBe(true);
    adopt(stored({ choices: { preferences: false, statistics: false, advertising: false, social: false } }));
    expect($view.get()).toBe('preferences');
    expect($draft.get()).toEqual({ preferences: false, statistics: false, advertising: false, social: false });
    setChoice('social', true);
    saveChoices();
    expect($consent.get()).toEqual({ preferences: false, statistics: false, advertising: false, social: true });
  });

  it('asks again when the decision adopted must be renewed', () => {
    start(settings(), stored());
    adopt(stored({ revision: 0 }));
    expect($renewal.get()?.reason).toBe('revision');
    expect($view.get()).toBe('banner');
  });
});

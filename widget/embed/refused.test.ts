// @vitest-environment happy-dom
// What a decision deletes: the declared first-party cookies of what it refuses, a service refused on its own included.
import Cookies from 'js-cookie';
import { afterEach, describe, expect, it } from 'vitest';
import { refusedBy } from '../core/categories.ts';
import { cookieNames } from '../core/withdrawal.ts';
import { cookieDigest } from '../declaration.ts';
import { removeEverywhere } from './cookies.ts';
import { deleteRefused } from './refused.ts';

const remove = (name: string) => removeEverywhere(name, location.hostname, undefined, location.pathname);

afterEach(() => {
  for (const name of cookieNames(document.cookie)) remove(name);
});

describe('after a decision', () => {
  it('deletes the cookies of what it refuses, a service refused apart from its category included', () => {
    for (const name of ['_ga', '_ga_XYZ', '_gcl_au', '_fbp', 'citim_prefs', 'session']) Cookies.set(name, '1');
    const choices = { preferences: true, statistics: false, advertising: true, social: false };
    deleteRefused(refusedBy(choices, { metapixel: false }), remove, cookieDigest());
    expect(cookieNames(document.cookie).sort()).toEqual(['_gcl_au', 'citim_prefs', 'session']);
  });

  it('deletes nothing a decision allows, nor what no service declares', () => {
    for (const name of ['_ga', '_fbp', 'session']) Cookies.set(name, '1');
    const choices = { preferences: true, statistics: true, advertising: true, social: true };
    deleteRefused(refusedBy(choices, {}), remove, cookieDigest());
    expect(cookieNames(document.cookie).sort()).toEqual(['_fbp', '_ga', 'session']);
  });
});

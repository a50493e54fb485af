// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Choices } from '../core/record.ts';
import { createFrames, type GateSpec } from './frames.ts';
import { createGates } from './gate.ts';

const none: Choices = { preferences: false, statistics: false, advertising: false, social: false };
const tick = () => new Promise((r) => setTimeout(r, 0));

const running: { stop: () => void }[] = [];
afterEach(() => {
  for (const gates of running.splice(0)) gates.stop();
  document.body.innerHTML = '';
});

function setup() {
  const placeholders: GateSpec[] = [];
  const allow = vi.fn();
  const frames = createFrames({ placeholder: (spec) => placeholders.push(spec), allow });
  const gates = createGates(document, { frame: frames.handle, removed: frames.removed });
  running.push(gates);
  return { gates, placeholders, allow };
}

describe('gated scripts', () => {
  it('keeps a script inert until its category is accepted, then runs it with its attributes', () => {
    document.body.innerHTML =
      '<script type="text/plain" data-consent="statistics" data-src-id="stats" src="/stats.js"></script><script type="text/plain" data-consent="advertising" src="/ads.js"></script>';
    const { gates } = setup();
    gates.apply(none);
    expect(document.querySelectorAll('script[type="text/plain"]')).toHaveLength(2);
    gates.apply({ ...none, statistics: true });
    const live = document.querySelector('script[data-src-id="stats"]') as HTMLScriptElement;
    expect(live.type).toBe('text/javascript');
    expect(live.getAttribute('src')).toBe('/stats.js');
    expect(live.hasAttribute('data-consent')).toBe(false);
    expect(document.querySelector('script[src="/ads.js"]')?.getAttribute('type')).toBe('text/plain');
    expect(gates.ran.has('statistics')).toBe(true);
  });

  it('also gates scripts added after the page loaded', async () => {
    const { gates } = setup();
    gates.apply({ ...none, social: true });
    const late = document.createElement('script');
    late.type = 'text/plain';
    late.dataset['consent'] = 'social';
    late.dataset['type'] = 'module';
    late.src = '/late.js';
    document.body.append(late);
    await tick();
    expect(document.querySelector('script[src="/late.js"]')?.getAttribute('type')).toBe('module');
  });

  it('ignores unknown categories and the necessary one', () => {
    document.body.innerHTML =
      '<script type="text/plain" data-consent="necessary" src="/n.js"></script><script type="text/plain" data-consent="whatever" src="/w.js"></script>';
    const { gates } = setup();
    gates.apply({ preferences: true, statistics: true, advertising: true, social: true });
    expect(document.querySelectorAll('script[type="text/plain"]')).toHaveLength(2);
  });
});

describe('gated iframes', () => {
  it('stands a placeholder naming the provider in front of a blocked iframe, and loads it once allowed', () => {
    document.body.innerHTML =
      '<iframe data-consent="social" data-provider="YouTube" data-src="https://video.test/embed/1" title="Vidéo"></iframe>';
    const { gates, placeholders } = setup();
    gates.apply(none);
    const frame = document.querySelector('iframe')!;
    expect(frame.hidden).toBe(true);
    expect(frame.hasAttribute('src')).toBe(false);
    expect(placeholders).toHaveLength(1);
    expect(placeholders[0]).toMatchObject({ category: 'social', provider: 'YouTube' });
    gates.apply({ ...none, social: true });
    expect(frame.getAttribute('src')).toBe('https://video.test/embed/1');
    expect(frame.hidden).toBe(false);
    expect(document.querySelector('citim-consent-gate')).toBeNull();
  });

  it('loads one embed on request without granting its category, and unloads it on withdrawal of the category', () => {
    document.body.innerHTML =
      '<iframe data-consent="social" data-provider="LinkedIn" data-src="https://posts.test/1"></iframe>';
    const { gates, placeholders } = setup();
    gates.apply(none);
    placeholders[0]!.onLoad();
    const frame = document.querySelector('iframe')!;
    expect(frame.getAttribute('src')).toBe('https://posts.test/1');
    const other = document.createElement('iframe');
    other.dataset['consent'] = 'social';
    other.dataset['src'] = 'https://posts.test/2';
    document.body.append(other);
    gates.apply({ ...none, social: true });
    gates.apply(none);
    expect(other.hasAttribute('src')).toBe(false);
    expect(other.hidden).toBe(true);
  });

  it('loads web pages only: a javascript: or data: address never reaches the frame, allowed or loaded by hand', () => {
    document.body.innerHTML = [
      '<iframe data-consent="social" data-src="javascript:parent.__pwned=1"></iframe>',
      '<iframe data-consent="social" data-src=" JAVASCRIPT:alert(1)"></iframe>',
      '<iframe data-consent="social" data-src="data:text/html,<script>parent.__pwned=1</script>"></iframe>',
      '<iframe data-consent="social" data-src="/relative/video.html"></iframe>',
    ].join('');
    const { gates, placeholders } = setup();
    gates.apply(none);
    placeholders[0]!.onLoad();
    gates.apply({ ...none, social: true });
    const frames = [...document.querySelectorAll('iframe')];
    expect(frames.slice(0, 3).map((f) => f.getAttribute('src'))).toEqual([null, null, null]);
    expect(frames[3]!.getAttribute('src')).toBe('/relative/video.html');
  });

  it('follows a service’s own choice where the person made one, its category’s otherwise', () => {
    document.body.innerHTML = [
      '<iframe data-consent="social" data-service="youtube" data-src="https://video.test/1"></iframe>',
      '<iframe data-consent="social" data-service="linkedin" data-src="https://posts.test/1"></iframe>',
      '<script type="text/plain" data-consent="social" data-service="youtube">window.__yt = 1</script>',
    ].join('');
    const { gates, placeholders } = setup();
    gates.apply(none, { youtube: true });
    const [youtube, linkedin] = [...document.querySelectorAll('iframe')];
    expect(youtube!.getAttribute('src')).toBe('https://video.test/1');
    expect(linkedin!.hasAttribute('src')).toBe(false);
    expect(document.querySelector('script')!.type).toBe('text/javascript');
    expect(placeholders.map((p) => p.category)).toEqual(['social']);
    gates.apply({ ...none, social: true }, { linkedin: false });
    expect(linkedin!.hasAttribute('src')).toBe(false);
  });

  it('passes "always allow" on to the consent', () => {
    document.body.innerHTML = '<iframe data-consent="social" data-src="https://x.test/"></iframe>';
    const { gates, placeholders, allow } = setup();
    gates.apply(none);
    placeholders[0]!.onAllow();
    expect(allow).toHaveBeenCalledWith('social', undefined);
  });
});

describe('always allow, for a service', () => {
  it('names the embed’s service when it has one', () => {
    document.body.innerHTML =
      '<iframe data-consent="social" data-service="youtube" data-src="https://x.test/"></iframe>';
    const { gates, placeholders, allow } = setup();
    gates.apply(none);
    placeholders[0]!.onAllow();
    expect(allow).toHaveBeenCalledWith('social', 'youtube');
  });
});

describe('pages that change before the decision', () => {
  const gated =
    '<iframe data-consent="social" data-service="youtube" data-src="https://video.test/1" data-provider="YouTube" title="Bienvenue"></iframe>';

  it('never runs a gated script taken out of the page, even when its category is accepted later', async () => {
    document.body.innerHTML =
      '<div id="box"><script type="text/plain" data-consent="statistics" src="/s.js"></script></div>';
    const { gates } = setup();
    gates.apply(none);
    const script = document.querySelector('script[data-consent]') as HTMLScriptElement;
    script.remove();
    gates.apply({ ...none, statistics: true });
    await tick();
    expect(script.type).toBe('text/plain');
    expect(gates.ran.size).toBe(0);
  });

  it('takes a removed embed’s placeholder away, and never loads it afterwards', async () => {
    document.body.innerHTML = `<section id="a">${gated}</section>`;
    const { gates, placeholders } = setup();
    gates.apply(none);
    expect(document.querySelectorAll('citim-consent-gate')).toHaveLength(1);
    const frame = document.querySelector('iframe')!;
    document.querySelector('#a')!.remove();
    await tick();
    expect(document.querySelectorAll('citim-consent-gate')).toHaveLength(0);
    gates.apply({ ...none, social: true });
    placeholders[0]!.onLoad();
    expect(frame.hasAttribute('src')).toBe(false);
  });

  it('keeps exactly one placeholder, in front of an embed a framework moved', async () => {
    document.body.innerHTML = `<section id="a">${gated}</section><section id="b"></section>`;
    const { gates, placeholders } = setup();
    gates.apply(none);
    const frame = document.querySelector('iframe')!;
    document.querySelector('#b')!.append(frame);
    await tick();
    expect(document.querySelectorAll('citim-consent-gate')).toHaveLength(1);
    expect(frame.previousElementSibling?.localName).toBe('citim-consent-gate');
    expect(placeholders).toHaveLength(1);
    // Moved twice, then withdrawn and given again: still one.
    document.querySelector('#a')!.append(frame);
    await tick();
    gates.apply({ ...none, social: true });
    gates.apply(none);
    await tick();
    expect(document.querySelectorAll('citim-consent-gate')).toHaveLength(1);
  });

  it('names the embed in both buttons of its placeholder', () => {
    document.body.innerHTML = gated;
    const { gates, placeholders } = setup();
    gates.apply(none);
    expect(placeholders[0]).toMatchObject({ name: 'Bienvenue', provider: 'YouTube' });
  });
});

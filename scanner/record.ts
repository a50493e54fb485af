// What the scanner adds to every frame before the page's own scripts: it reports each cookie written by a script
// (document.cookie, cookieStore), each storage write (localStorage, sessionStorage), each IndexedDB opened and each
// request a script starts (fetch, XHR, beacons, an image's, script's or frame's address), with the address of the
// script that did it: Chromium names the initiator of a request made in a timer as "other". Runs in the page: no
// imports, plain browser JavaScript.

/** The binding the recorder reports through (`BrowserContext.exposeBinding`). */
export const BINDING = '__citimScan';

export interface ScriptEvent {
  kind: 'cookie' | 'storage' | 'request';
  /**
   * For a cookie, what was written (`name=value; attributes`); for storage, the key or the database's name; for a
   * request, its address.
   */
  text: string;
  area?: 'local' | 'session' | 'indexeddb';
  /** The first web address on the call stack: the script that wrote it (the page's own for an inline script). */
  script?: string;
}

/** The recorder's source, for `BrowserContext.addInitScript({ content })`. */
export const recorder = `(() => {
  const report = (event) => { try { window.${BINDING}(event); } catch {} };
  const caller = () => {
    const lines = String(new Error().stack || '').split('\\n').slice(2);
    for (const line of lines) {
      const found = /(https?:\\/\\/[^\\s()]+?):\\d+:\\d+\\)?$/.exec(line.trim());
      if (found) return found[1];
    }
    return undefined;
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookie && cookie.set) {
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      enumerable: cookie.enumerable,
      get() { return cookie.get.call(this); },
      set(value) { report({ kind: 'cookie', text: String(value), script: caller() }); cookie.set.call(this, value); },
    });
  }
  if (typeof CookieStore !== 'undefined') {
    const set = CookieStore.prototype.set;
    CookieStore.prototype.set = function (first, value) {
      const written = typeof first === 'string' ? first + '=' + value : first && first.name + '=' + first.value;
      const days = first && typeof first === 'object' && first.expires ? (first.expires - Date.now()) / 864e5 : null;
      const age = days ? '; Max-Age=' + Math.round(days * 86400) : '';
      report({ kind: 'cookie', text: written + age, script: caller() });
      return set.apply(this, arguments);
    };
  }
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    let area = 'local';
    try { if (this === window.sessionStorage) area = 'session'; } catch {}
    report({ kind: 'storage', area, text: String(key), script: caller() });
    return setItem.apply(this, arguments);
  };
  const asked = (url) => {
    try { report({ kind: 'request', text: new URL(String(url), document.baseURI).href, script: caller() }); } catch {}
  };
  const fetchOf = window.fetch;
  window.fetch = function (input) {
    asked(input instanceof Request ? input.url : input);
    return fetchOf.apply(this, arguments);
  };
  const xhrOpen = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    asked(url);
    return xhrOpen.apply(this, arguments);
  };
  if (navigator.sendBeacon) {
    const beacon = navigator.sendBeacon;
    navigator.sendBeacon = function (url) {
      asked(url);
      return beacon.apply(this, arguments);
    };
  }
  for (const type of [HTMLImageElement, HTMLScriptElement, HTMLIFrameElement]) {
    const src = Object.getOwnPropertyDescriptor(type.prototype, 'src');
    if (!src || !src.set) continue;
    Object.defineProperty(type.prototype, 'src', {
      configurable: true,
      enumerable: src.enumerable,
      get() { return src.get.call(this); },
      set(value) { asked(value); src.set.call(this, value); },
    });
  }
  const setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (name, value) {
    if (String(name).toLowerCase() === 'src') asked(value);
    return setAttribute.apply(this, arguments);
  };
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (name) {
    report({ kind: 'storage', area: 'indexeddb', text: String(name), script: caller() });
    return open.apply(this, arguments);
  };
})();`;

// Keeps a page's query (the versions compared, the words searched) in its language switch, so switching loses nothing.
export function carryQuery(search: string) {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-lang-switch]')) {
    const url = new URL(link.href);
    url.search = search;
    link.href = `${url.pathname}${url.search}`;
  }
}

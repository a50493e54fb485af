// An Atom (RFC 4287) feed of a document's versions: one entry per version, newest first.
import { escapeHtml } from '../../shared/escape-html.ts';
import { midnightIn } from './versions.ts';

export interface FeedEntry {
  id: string;
  title: string;
  link: string;
  /** YYYY-MM-DD */
  published: string;
  updated: string;
  summary: string;
}

export interface Feed {
  id: string;
  title: string;
  lang: string;
  /** The feed's own address. */
  self: string;
  /** The page the feed is about. */
  link: string;
  author: string;
  /** Where the days are days: a version takes effect at midnight there (the organisation's, Montreal). */
  timeZone: string;
  entries: FeedEntry[];
}

export function atomFeed(feed: Feed): string {
  const entries = [...feed.entries].sort((a, b) => b.updated.localeCompare(a.updated));
  const updated = entries[0]?.updated ?? '1970-01-01';
  const stamp = (day: string) => midnightIn(day, feed.timeZone);
  const x = escapeHtml;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(feed.lang)}">`,
    `  <id>${x(feed.id)}</id>`,
    `  <title>${x(feed.title)}</title>`,
    `  <updated>${stamp(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(feed.link)}"/>`,
    `  <author><name>${x(feed.author)}</name></author>`,
    ...entries.map((e) =>
      [
        '  <entry>',
        `    <id>${x(e.id)}</id>`,
        `    <title>${x(e.title)}</title>`,
        `    <link rel="alternate" type="text/html" href="${x(e.link)}"/>`,
        `    <published>${stamp(e.published)}</published>`,
        `    <updated>${stamp(e.updated)}</updated>`,
        `    <summary>${x(e.summary)}</summary>`,
        '  </entry>',
      ].join('\n'),
    ),
    '</feed>',
    '',
  ].join('\n');
}

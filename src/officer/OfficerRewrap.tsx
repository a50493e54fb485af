// The inbox's re-wrap: requests not sealed for today's readers (a key added, revoked, replaced), sealed again for them
// on this device, with the same `resealAll` as the command line, through the inbox's API.
import { useEffect, useState } from 'preact/hooks';
import { fill, plural } from '../../shared/fill.ts';
import { type ResealReport, type ResealSource, resealAll } from '../../shared/sealed-request.ts';
import { api } from './officer-api.ts';
import type { DeviceKeys } from './officer-key.ts';
import type { OfficerWords } from './words.ts';

interface Props {
  lang: 'fr' | 'en';
  words: OfficerWords;
  keys: DeviceKeys;
  /** Today's keyset: a change (a key added or revoked) counts the requests again. */
  keyset: string;
  onDone: () => void;
}

/** The inbox's API as a re-wrap's source: pages to open, batches to write (each only as read). */
const source: ResealSource = {
  async page(after) {
    const response = await api.reseal.$get({ query: { after } });
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  },
  async write(keyset, items) {
    const response = await api.reseal.$post({ json: { keyset, items } });
    if (response.status === 409) return 0;
    if (!response.ok) throw new Error(String(response.status));
    return (await response.json()).written;
  },
};

export function Rewrap({ lang, words: w, keys, keyset, onDone }: Props) {
  const [pending, setPending] = useState<number | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<ResealReport | null>(null);
  useEffect(() => {
    void source.page('').then(
      (page) => setPending(page.total),
      () => setPending(null),
    );
  }, [keyset, report]);

  const run = async () => {
    setReport(null);
    setProgress({ done: 0, total: pending ?? 0 });
    const identities = keys.device ? [keys.device.key] : [];
    const done = await resealAll(source, { identities, legacy: keys.legacy ?? undefined }, (d, total) =>
      setProgress({ done: d, total }),
    ).catch(() => ({ resealed: 0, skipped: [], readersChanged: true }));
    setProgress(null);
    setReport(done);
    onDone();
  };

  if (!pending && !report) return null;
  return (
    <section class="panel" aria-labelledby="rewrap-title">
      <h2 id="rewrap-title">{w['officer.rewrap.title']}</h2>
      {!!pending && (
        <p>
          {plural(lang, pending, { one: w['officer.rewrap.pending.one'], other: w['officer.rewrap.pending.other'] })}{' '}
          <button type="button" onClick={() => void run()} disabled={!!progress || !(keys.device || keys.legacy)}>
            {w['officer.rewrap.go']}
          </button>
        </p>
      )}
      <p role="status">
        {progress
          ? fill(w['officer.rewrap.progress'], progress)
          : report
            ? [
                plural(lang, report.resealed, {
                  one: w['officer.rewrap.done.one'],
                  other: w['officer.rewrap.done.other'],
                }),
                report.skipped.length ? fill(w['officer.rewrap.skipped'], { count: report.skipped.length }) : '',
                report.readersChanged ? w['officer.rewrap.changed'] : '',
              ]
                .filter(Boolean)
                .join(' ')
            : ''}
      </p>
    </section>
  );
}

// The inbox's key panel: this officer's own key on this device (made here, its encrypted backup downloaded and
// confirmed put away before its public half is put into service; or restored from that backup), and the former
// shared key for requests sealed before personal keys.
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill } from '../../shared/fill.ts';
import {
  backupOf,
  type DeviceKeys,
  forgetDeviceKey,
  KeyRefused,
  type KeyProblem,
  keepDeviceKey,
  keepLegacyKey,
  MIN_PASSPHRASE,
  makeDeviceKey,
  passkeyBackupOffered,
  passkeyOf,
  restoreBackup,
} from './officer-key.ts';
import type { OfficerWords } from './words.ts';

type Problem = KeyProblem | 'taken' | 'confirm';

interface Props {
  words: OfficerWords;
  keys: DeviceKeys;
  /** Whether this device's key is among the keys requests are sealed for now. */
  inService: boolean;
  onKeys: (keys: DeviceKeys) => void;
  /** Posts the public half; the response as the server gave it (a passkey confirmation may come first). */
  register: (recipient: string) => Promise<{ ok: boolean; status: number }>;
}

const problemOf = (e: unknown): Problem => (e instanceof KeyRefused ? e.problem : 'failed');

export function OfficerKey({ words: w, keys, inService, onKeys, register }: Props) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [made, setMade] = useState<{ identity: string; recipient: string } | null>(null);
  const [backup, setBackup] = useState<{ url: string; name: string } | null>(null);
  const [downloaded, setDownloaded] = useState(false);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [prf, setPrf] = useState(false);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [activated, setActivated] = useState<string | null>(null);
  useEffect(() => void passkeyBackupOffered().then(setPrf), []);
  /** Once a key is restored or put into service, focus goes to what says so. */
  const present = useRef<HTMLParagraphElement>(null);
  const [arrived, setArrived] = useState(false);
  useEffect(() => {
    if (arrived && keys.device) {
      present.current?.focus();
      setArrived(false);
    }
  }, [arrived, keys.device]);
  // The backup's address holds the key, encrypted: gone as soon as the panel no longer needs it.
  useEffect(() => () => backup && URL.revokeObjectURL(backup.url), [backup]);

  const work = async (step: () => Promise<void>) => {
    setBusy(true);
    try {
      await step();
      setProblem(null);
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  };

  const protect = (protection: Parameters<typeof backupOf>[1]) =>
    work(async () => {
      if (!made) return;
      const text = await backupOf(made.identity, protection);
      const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
      setBackup({ url, name: `officer-key-${made.recipient.slice(4, 12)}.age` });
    });

  const withPassphrase = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    return protect({ passphrase: String(data.get('passphrase') ?? ''), again: String(data.get('again') ?? '') });
  };

  const activate = (event: Event) => {
    event.preventDefault();
    return work(async () => {
      if (!made) return;
      const response = await register(made.recipient);
      if (response.status === 403) throw new KeyRefused('failed');
      if (!response.ok && response.status !== 409) throw new KeyRefused('failed');
      const kept = await keepDeviceKey(made.identity);
      setMade(null);
      setBackup(null);
      setActivated(kept.fingerprint);
      setArrived(true);
      onKeys({ ...keys, device: kept });
    });
  };

  const restore = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    return work(async () => {
      if (!restoring) throw new KeyRefused('not-a-key');
      const kept = await restoreBackup(restoring, String(data.get('passphrase') ?? ''));
      setArrived(true);
      onKeys({ ...keys, device: kept });
    });
  };

  const pickBackup = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    setRestoring(file ? await file.text() : null);
  };

  const pickLegacy = (event: Event) =>
    work(async () => {
      const file = (event.currentTarget as HTMLInputElement).files?.[0];
      if (!file) return;
      onKeys({ ...keys, legacy: await keepLegacyKey(await file.text()) });
    });

  const forget = async () => {
    await forgetDeviceKey();
    onKeys({ device: null, legacy: null });
  };

  return (
    <section class="panel" aria-labelledby="key-title">
      <h2 id="key-title">{w['officer.key.title']}</h2>
      {activated && <p role="status">{fill(w['officer.key.active'], { fingerprint: activated })}</p>}
      {keys.device ? (
        <>
          <p tabIndex={-1} ref={present}>
            {fill(w['officer.key.present'], { fingerprint: keys.device.fingerprint })}{' '}
            <button type="button" onClick={forget}>
              {w['officer.key.forget']}
            </button>
          </p>
          {!inService && <p class="notice">{w['officer.key.notInService']}</p>}
        </>
      ) : made ? (
        <ol class="key-steps">
          <li>
            <p>{w['officer.key.backup.intro']}</p>
            {prf && (
              <p>
                <button type="button" disabled={busy} onClick={() => void protect({ passkey: w['officer.key.title'] })}>
                  {w['officer.key.backup.passkey']}
                </button>
              </p>
            )}
            <form onSubmit={withPassphrase} class="request-form">
              <div class="field">
                <label for="backup-passphrase">
                  {fill(w['officer.key.backup.passphrase'], { min: MIN_PASSPHRASE })}
                </label>
                <input id="backup-passphrase" name="passphrase" type="password" autocomplete="new-password" required />
              </div>
              <div class="field">
                <label for="backup-again">{w['officer.key.backup.again']}</label>
                <input id="backup-again" name="again" type="password" autocomplete="new-password" required />
              </div>
              <p>
                <button type="submit" disabled={busy}>
                  {w['officer.key.backup.withPassphrase']}
                </button>
              </p>
            </form>
          </li>
          {backup && (
            <li>
              <a href={backup.url} download={backup.name} onClick={() => setDownloaded(true)}>
                {fill(w['officer.key.backup.download'], { file: backup.name })}
              </a>
              <p>{w['officer.key.backupHelp']}</p>
            </li>
          )}
          {backup && (
            <li>
              <form onSubmit={activate}>
                <p>
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={saved}
                      disabled={!downloaded}
                      onChange={(e) => setSaved((e.currentTarget as HTMLInputElement).checked)}
                    />{' '}
                    {w['officer.key.saved']}
                  </label>
                </p>
                <button type="submit" disabled={!downloaded || !saved || busy}>
                  {busy ? w['officer.working'] : w['officer.key.activate']}
                </button>
              </form>
            </li>
          )}
        </ol>
      ) : (
        <>
          <p id="key-help">{w['officer.key.none']}</p>
          <p>
            <button type="button" onClick={() => void makeDeviceKey().then(setMade)} aria-describedby="key-help">
              {w['officer.key.make']}
            </button>
          </p>
          <h3>{w['officer.key.restore.title']}</h3>
          <form onSubmit={restore} class="request-form">
            <div class="field">
              <label for="restore-file">{w['officer.key.restore.file']}</label>
              <input id="restore-file" type="file" accept=".age,text/plain" onChange={pickBackup} />
            </div>
            {!(restoring && passkeyOf(restoring)) && (
              <div class="field">
                <label for="restore-passphrase">{w['officer.key.restore.passphrase']}</label>
                <input id="restore-passphrase" name="passphrase" type="password" autocomplete="current-password" />
              </div>
            )}
            <p>
              <button type="submit" disabled={busy || !restoring}>
                {w['officer.key.restore.go']}
              </button>
            </p>
          </form>
        </>
      )}
      <details>
        <summary>{w['officer.key.legacy.title']}</summary>
        <p id="legacy-help">{keys.legacy ? w['officer.key.legacy.present'] : w['officer.key.legacy.help']}</p>
        <p>
          <label for="legacy-file">{w['officer.key.legacy.file']}</label>{' '}
          <input
            id="legacy-file"
            type="file"
            accept=".jwk,application/json"
            aria-describedby="legacy-help"
            onChange={pickLegacy}
          />
        </p>
      </details>
      {problem && (
        <p class="notice" role="alert">
          {w[`officer.key.problem.${problem}`]}
        </p>
      )}
    </section>
  );
}

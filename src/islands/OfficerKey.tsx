// The inbox's key panel: the private key on this device (import the backup file, or forget it), and on a new
// installation the making of the pair here: backup downloaded and confirmed first, then the public half registered.
import { useEffect, useState } from 'preact/hooks';
import { fill } from '../../shared/fill.ts';
import type { OfficerKeys } from '../../shared/seal.ts';
import { forgetKey, importOfficerKey, KeyRefused, keepNewKey, makeOfficerKeys } from './officer-key.ts';
import type { OfficerWords } from './words.ts';

type Problem = 'not-a-key' | 'mismatch' | 'taken' | 'failed';

interface Props {
  words: OfficerWords;
  /** The key requests are sealed to, or null on a new installation that has none yet. */
  serverKey: JsonWebKey | null;
  privateKey: CryptoKey | null;
  onKey: (key: CryptoKey | null) => void;
  /** The public key is now the portal's: the inbox reloads it. */
  onRegistered: () => void;
  /** Posts the public half; the response as the server gave it. */
  register: (publicKey: JsonWebKey) => Promise<Response>;
}

export function OfficerKey({ words: w, serverKey, privateKey, onKey, onRegistered, register }: Props) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [made, setMade] = useState<(OfficerKeys & { file: string }) | null>(null);
  const [downloaded, setDownloaded] = useState(false);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  // The backup's address holds the private key in clear: gone as soon as the panel no longer needs it.
  useEffect(() => () => made && URL.revokeObjectURL(made.file), [made]);

  const importFile = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file || !serverKey) return;
    try {
      onKey(await importOfficerKey(await file.text(), serverKey));
      setProblem(null);
    } catch (e) {
      setProblem(e instanceof KeyRefused ? e.problem : 'not-a-key');
    }
  };

  const make = async () => {
    const keys = await makeOfficerKeys();
    const file = URL.createObjectURL(new Blob([JSON.stringify(keys.privateKey)], { type: 'application/json' }));
    setMade({ ...keys, file });
    setProblem(null);
  };

  const activate = async (event: Event) => {
    event.preventDefault();
    if (!made) return;
    setBusy(true);
    try {
      const response = await register(made.publicKey);
      if (response.status === 409) {
        setMade(null);
        setProblem('taken');
        onRegistered();
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      const body = (await response.json()) as { fingerprint: string };
      onKey(await keepNewKey(made.privateKey));
      setFingerprint(body.fingerprint);
      setMade(null);
      setProblem(null);
      onRegistered();
    } catch {
      setProblem('failed');
    } finally {
      setBusy(false);
    }
  };

  const forget = async () => {
    await forgetKey();
    onKey(null);
    setFingerprint(null);
  };

  return (
    <section class="panel" aria-labelledby="key-title">
      <h2 id="key-title">{w['officer.key.title']}</h2>
      {fingerprint && <p role="status">{fill(w['officer.key.active'], { fingerprint })}</p>}
      {privateKey ? (
        <p>
          {w['officer.key.present']}{' '}
          <button type="button" onClick={forget}>
            {w['officer.key.forget']}
          </button>
        </p>
      ) : serverKey ? (
        <>
          <p id="key-help">{w['officer.key.none']}</p>
          <p>
            <label for="key-file">{w['officer.key.file']}</label>{' '}
            <input
              id="key-file"
              type="file"
              accept=".jwk,application/json"
              aria-describedby="key-help"
              onChange={importFile}
            />
          </p>
        </>
      ) : (
        <>
          <p id="key-missing">{w['officer.key.missing']}</p>
          {made ? (
            <form onSubmit={activate}>
              <ol class="key-steps">
                <li>
                  <a href={made.file} download="officer.private.jwk" onClick={() => setDownloaded(true)}>
                    {w['officer.key.backup']}
                  </a>
                  <p>{w['officer.key.backupHelp']}</p>
                </li>
                <li>
                  <label>
                    <input
                      type="checkbox"
                      checked={saved}
                      disabled={!downloaded}
                      onChange={(e) => setSaved((e.currentTarget as HTMLInputElement).checked)}
                    />{' '}
                    {w['officer.key.saved']}
                  </label>
                </li>
                <li>
                  <button type="submit" disabled={!downloaded || !saved || busy}>
                    {busy ? w['officer.working'] : w['officer.key.activate']}
                  </button>
                </li>
              </ol>
            </form>
          ) : (
            <p>
              <button type="button" onClick={make} aria-describedby="key-missing">
                {w['officer.key.make']}
              </button>
            </p>
          )}
        </>
      )}
      {problem && (
        <p class="notice" role="alert">
          {w[`officer.key.${problem}`]}
        </p>
      )}
    </section>
  );
}

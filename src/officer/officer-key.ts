// The officer's own key on this device: made here (age X25519), kept as a non-extractable CryptoKey in IndexedDB
// (idb-keyval), usable by the inbox, readable by no script; its encrypted backup (an age file, protected by a passkey
// through the WebAuthn PRF extension, or by a passphrase), and the former shared v1 key for requests sealed before.
import { armor, Decrypter, Encrypter, webauthn } from 'age-encryption';
import { del, get, set } from 'idb-keyval';
import { importLegacyKey } from '../../shared/crypto/legacy.ts';
import { fingerprint, identityIn, identityKey, newIdentity, recipientOf } from '../../shared/crypto/sealed.ts';

const DEVICE = 'citim-officer-device-key';
const LEGACY = 'citim-officer-legacy-key';
/** A passphrase shorter than this is refused: the backup may be copied, and scrypt only slows a guesser down. */
export const MIN_PASSPHRASE = 12;

export type KeyProblem =
  | 'not-a-key'
  | 'wrong-passphrase'
  | 'passkey-failed'
  | 'passphrase-short'
  | 'passphrase-mismatch'
  | 'failed';
export class KeyRefused extends Error {
  readonly problem: KeyProblem;
  constructor(problem: KeyProblem) {
    super(problem);
    this.problem = problem;
  }
}

/** The keys this device holds: its own (with its public half and fingerprint) and, if imported, the former v1 key. */
export interface DeviceKeys {
  device: { key: CryptoKey; recipient: string; fingerprint: string } | null;
  legacy: CryptoKey | null;
}

async function described(key: CryptoKey) {
  const recipient = await recipientOf(key);
  return { key, recipient, fingerprint: await fingerprint(recipient) };
}

export async function storedKeys(): Promise<DeviceKeys> {
  const [device, legacy] = await Promise.all([get<CryptoKey>(DEVICE), get<CryptoKey>(LEGACY)]);
  return { device: device ? await described(device) : null, legacy: legacy ?? null };
}

/** A new key: the identity exists in clear only in memory, for its backup, until `keepDeviceKey` stores it. */
export const makeDeviceKey = () => newIdentity();

/** Keeps a key on this device, non-extractable from now on. */
export async function keepDeviceKey(identity: string) {
  const key = await identityKey(identity);
  await set(DEVICE, key);
  return described(key);
}

export const forgetDeviceKey = () => Promise.all([del(DEVICE), del(LEGACY)]);

/** Whether this browser offers the WebAuthn PRF extension, which lets a passkey protect the backup. */
export async function passkeyBackupOffered(): Promise<boolean> {
  const capabilities = await (
    PublicKeyCredential as unknown as { getClientCapabilities?: () => Promise<Record<string, boolean>> }
  )
    .getClientCapabilities?.()
    .catch(() => ({}) as Record<string, boolean>);
  return capabilities?.['extension:prf'] === true;
}

/**
 * The backup file's text: the identity, encrypted by age for a passkey (WebAuthn PRF) or a passphrase (scrypt),
 * armored. A passkey-protected backup names its passkey on a line of its own (a credential id, not a secret), so
 * that opening it asks for that passkey and not the one used to sign in.
 */
export async function backupOf(
  identity: string,
  protection: { passphrase: string; again: string } | { passkey: string },
): Promise<string> {
  const e = new Encrypter();
  let named = '';
  if ('passphrase' in protection) {
    if (protection.passphrase.length < MIN_PASSPHRASE) throw new KeyRefused('passphrase-short');
    if (protection.passphrase !== protection.again) throw new KeyRefused('passphrase-mismatch');
    e.setPassphrase(protection.passphrase);
  } else {
    try {
      // A passkey of its own, made for this backup: its PRF output, never the sign-in passkey's, wraps the file key.
      const credential = await webauthn.createCredential({ keyName: protection.passkey });
      e.addRecipient(new webauthn.WebAuthnRecipient({ identity: credential }));
      named = `passkey: ${credential}\n`;
    } catch {
      throw new KeyRefused('passkey-failed');
    }
  }
  try {
    return `${named}${armor.encode(await e.encrypt(`# ${await recipientOf(identity)}\n${identity}\n`))}`;
  } catch {
    throw new KeyRefused('passkey' in protection ? 'passkey-failed' : 'failed');
  }
}

/** Whether a backup's text says it is protected by a passkey (then no passphrase is asked). */
export const passkeyOf = (fileText: string) => /^passkey: (\S+)$/m.exec(fileText)?.[1] ?? null;

/** Opens a backup with its passphrase, or with the passkey it names. */
export async function restoreBackup(fileText: string, passphrase: string) {
  let file: Uint8Array;
  try {
    file = armor.decode(fileText.slice(fileText.indexOf('-----BEGIN')));
  } catch {
    throw new KeyRefused('not-a-key');
  }
  const passkey = passkeyOf(fileText);
  const d = new Decrypter();
  if (passkey) d.addIdentity(new webauthn.WebAuthnIdentity({ identity: passkey }));
  else d.addPassphrase(passphrase);
  let text: string;
  try {
    text = await d.decrypt(file, 'text');
  } catch {
    throw new KeyRefused(passkey ? 'passkey-failed' : 'wrong-passphrase');
  }
  const identity = identityIn(text);
  if (!identity) throw new KeyRefused('not-a-key');
  return keepDeviceKey(identity);
}

/** The former shared key (officer.private.jwk), kept non-extractable for requests sealed before (format v1). */
export async function keepLegacyKey(fileText: string): Promise<CryptoKey> {
  try {
    const key = await importLegacyKey(JSON.parse(fileText) as JsonWebKey);
    await set(LEGACY, key);
    return key;
  } catch {
    throw new KeyRefused('not-a-key');
  }
}

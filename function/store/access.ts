// The privacy officers' access to the inbox, as storage sees it: officers, passkeys, one-time invitations and
// sessions. Shared by node:sqlite and D1 (same SQL, same migration); only hashes of codes and session ids are stored.
import { ALPHABET, drawFrom } from '../domain/reference.ts';
import { sha256 } from '../../shared/crypto/encoding.ts';
import type { AuditEntry } from './contract.ts';

/** An invitation is valid 24 hours, once. */
export const INVITATION_MS = 24 * 60 * 60 * 1000;

export interface Officer {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface Passkey {
  credentialId: string;
  officerId: string;
  /** COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

/** An officer's device key: the public half (an age recipient) of a pair made in their browser. */
export interface OfficerKey {
  fingerprint: string;
  officerId: string;
  recipient: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface Invitation {
  codeHash: string;
  name: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface Session {
  idHash: string;
  officerId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  revokedAt: string | null;
  /** When the officer last proved presence with their passkey in this session (sign-in, or a confirmation). */
  verifiedAt: string | null;
}

/** What a ceremony is for: enrolling a first passkey, signing in, or confirming a sensitive action. */
export type CeremonyPurpose = 'enrol' | 'signin' | 'confirm';

/** A passkey ceremony between its options and its answer, as the server keeps it: hashes only, single use. */
export interface Ceremony {
  /** SHA-256 of the random id in the browser's cookie. */
  idHash: string;
  purpose: CeremonyPurpose;
  /** SHA-256 of the challenge the options carried: the answer must sign that one. */
  challengeHash: string;
  /** What the answer needs (JSON): the new officer's id and invitation (enrol), the session (confirm). */
  data: string | null;
  expiresAt: string;
}

export interface AccessStore {
  addInvitation(invitation: Invitation, audit: AuditEntry): Promise<void>;
  getInvitation(codeHash: string): Promise<Invitation | null>;
  /**
   * Spends an invitation that is unused and unexpired at `now`, creating the officer and the first passkey with it,
   * all together or not at all; false when the invitation was already spent or has expired.
   */
  redeemInvitation(
    codeHash: string,
    now: string,
    officer: Officer,
    passkey: Passkey,
    audit: AuditEntry,
  ): Promise<boolean>;
  getOfficer(id: string): Promise<Officer | null>;
  listOfficers(): Promise<Officer[]>;
  /**
   * Revokes an officer and every session of theirs, with its audit entry; false when they were already revoked, or
   * are the last active officer.
   */
  revokeOfficer(id: string, at: string, audit: AuditEntry): Promise<boolean>;
  getPasskey(credentialId: string): Promise<Passkey | null>;
  /** An officer's passkeys: a confirmation asks for one of these, not any passkey the device holds. */
  passkeysOf(officerId: string): Promise<Passkey[]>;
  usePasskey(credentialId: string, counter: number, at: string): Promise<void>;
  addSession(session: Omit<Session, 'verifiedAt'>): Promise<void>;
  /** Records that the officer proved presence again in this session (a confirmation, which one action may spend). */
  verifySession(idHash: string, at: string): Promise<void>;
  /** Spends the session's confirmation if it was made after `since`; false when there was none to spend. */
  spendConfirmation(idHash: string, since: string): Promise<boolean>;
  /** Keeps a ceremony until it is spent or expires; ceremonies expired at `now` go. */
  addCeremony(ceremony: Ceremony, now: string): Promise<void>;
  /**
   * Takes a ceremony out, whatever its purpose or expiry (a ceremony is spent by any attempt); null when there is no
   * such ceremony, or it was spent already. The caller checks purpose and expiry.
   */
  spendCeremony(idHash: string): Promise<Ceremony | null>;
  /** Counts one failed sign-in in the window starting at `windowStart`. */
  countSigninFailure(windowStart: string): Promise<void>;
  /** Failed sign-ins per window since `since`, oldest first. */
  signinFailures(since: string): Promise<{ windowStart: string; failures: number }[]>;
  getSession(idHash: string): Promise<Session | null>;
  touchSession(idHash: string, at: string): Promise<void>;
  revokeSession(idHash: string, at: string): Promise<void>;
  /** Adds an officer's device key, with its audit entry; false when this key is known already. */
  addOfficerKey(key: Omit<OfficerKey, 'revokedAt'>, audit: AuditEntry): Promise<boolean>;
  listOfficerKeys(): Promise<OfficerKey[]>;
}

const OFFICER_INSERT = 'INSERT INTO officers (id, name, created_at, revoked_at)';
const PASSKEY_INSERT =
  'INSERT INTO passkeys (credential_id, officer_id, public_key, counter, transports, created_at, last_used_at)';
export const ACCESS_SQL = {
  addInvitation:
    'INSERT INTO invitations (code_hash, name, created_by, created_at, expires_at, used_at) ' +
    'VALUES (?, ?, ?, ?, ?, NULL)',
  getInvitation:
    'SELECT code_hash, name, created_by, created_at, expires_at, used_at FROM invitations WHERE code_hash = ?',
  spendInvitation: 'UPDATE invitations SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?',
  addOfficer: `${OFFICER_INSERT} VALUES (?, ?, ?, NULL)`,
  /** The same, for D1's batches: written only when the statement before it changed a row (the invitation spent). */
  addOfficerIfChanged: `${OFFICER_INSERT} SELECT ?, ?, ?, NULL WHERE changes() = 1`,
  getOfficer: 'SELECT id, name, created_at, revoked_at FROM officers WHERE id = ?',
  listOfficers: 'SELECT id, name, created_at, revoked_at FROM officers ORDER BY created_at',
  /** Never the last active officer: nobody could sign in again. In the statement, so two at once cannot both pass. */
  revokeOfficer:
    'UPDATE officers SET revoked_at = ?1 WHERE id = ?2 AND revoked_at IS NULL ' +
    'AND EXISTS (SELECT 1 FROM officers WHERE revoked_at IS NULL AND id <> ?2)',
  /** Their keys go with them: nothing is sealed for them from then on. */
  revokeKeysOf:
    'UPDATE officer_keys SET revoked_at = ?1 WHERE officer_id = ?2 AND revoked_at IS NULL ' +
    'AND EXISTS (SELECT 1 FROM officers WHERE id = ?2 AND revoked_at = ?1)',
  addOfficerKey:
    'INSERT INTO officer_keys (fingerprint, officer_id, recipient, created_at, revoked_at) ' +
    'VALUES (?, ?, ?, ?, NULL) ON CONFLICT DO NOTHING',
  listOfficerKeys:
    'SELECT fingerprint, officer_id, recipient, created_at, revoked_at FROM officer_keys ORDER BY created_at',
  /** Only once the officer is revoked at that moment (D1 runs it in the same batch, whatever came before). */
  revokeSessionsOf:
    'UPDATE sessions SET revoked_at = ?1 WHERE officer_id = ?2 AND revoked_at IS NULL ' +
    'AND EXISTS (SELECT 1 FROM officers WHERE id = ?2 AND revoked_at = ?1)',
  addPasskey: `${PASSKEY_INSERT} VALUES (?, ?, ?, ?, ?, ?, NULL)`,
  addPasskeyIfChanged: `${PASSKEY_INSERT} SELECT ?, ?, ?, ?, ?, ?, NULL WHERE changes() = 1`,
  getPasskey:
    'SELECT credential_id, officer_id, public_key, counter, transports, created_at, last_used_at ' +
    'FROM passkeys WHERE credential_id = ?',
  usePasskey: 'UPDATE passkeys SET counter = ?, last_used_at = ? WHERE credential_id = ?',
  passkeysOf:
    'SELECT credential_id, officer_id, public_key, counter, transports, created_at, last_used_at ' +
    'FROM passkeys WHERE officer_id = ? ORDER BY created_at',
  /** Signing in is proving presence: the session starts verified. */
  addSession:
    'INSERT INTO sessions (id_hash, officer_id, created_at, last_seen_at, expires_at, revoked_at, verified_at) ' +
    'VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?3)',
  getSession:
    'SELECT id_hash, officer_id, created_at, last_seen_at, expires_at, revoked_at, verified_at ' +
    'FROM sessions WHERE id_hash = ?',
  verifySession: 'UPDATE sessions SET verified_at = ?1, confirmed_at = ?1 WHERE id_hash = ?2 AND revoked_at IS NULL',
  spendConfirmation:
    'UPDATE sessions SET confirmed_at = NULL WHERE id_hash = ? AND confirmed_at > ? AND revoked_at IS NULL',
  expireCeremonies: 'DELETE FROM ceremonies WHERE expires_at <= ?',
  addCeremony: 'INSERT INTO ceremonies (id_hash, purpose, challenge_hash, data, expires_at) VALUES (?, ?, ?, ?, ?)',
  spendCeremony:
    'DELETE FROM ceremonies WHERE id_hash = ? RETURNING id_hash, purpose, challenge_hash, data, expires_at',
  countSigninFailure:
    'INSERT INTO signin_failures (window_start, failures) VALUES (?, 1) ' +
    'ON CONFLICT (window_start) DO UPDATE SET failures = failures + 1',
  signinFailures: 'SELECT window_start, failures FROM signin_failures WHERE window_start >= ? ORDER BY window_start',
  touchSession: 'UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?',
  revokeSession: 'UPDATE sessions SET revoked_at = ? WHERE id_hash = ? AND revoked_at IS NULL',
};

type Row = Record<string, unknown>;
const text = (value: unknown) => (value == null ? null : String(value));
export const toInvitation = (r: Row): Invitation => ({
  codeHash: String(r['code_hash']),
  name: String(r['name']),
  createdBy: String(r['created_by']),
  createdAt: String(r['created_at']),
  expiresAt: String(r['expires_at']),
  usedAt: text(r['used_at']),
});
export const toOfficer = (r: Row): Officer => ({
  id: String(r['id']),
  name: String(r['name']),
  createdAt: String(r['created_at']),
  revokedAt: text(r['revoked_at']),
});
export const toPasskey = (r: Row): Passkey => ({
  credentialId: String(r['credential_id']),
  officerId: String(r['officer_id']),
  publicKey: String(r['public_key']),
  counter: Number(r['counter']),
  transports: text(r['transports']),
  createdAt: String(r['created_at']),
  lastUsedAt: text(r['last_used_at']),
});
export const toSession = (r: Row): Session => ({
  idHash: String(r['id_hash']),
  officerId: String(r['officer_id']),
  createdAt: String(r['created_at']),
  lastSeenAt: String(r['last_seen_at']),
  expiresAt: String(r['expires_at']),
  revokedAt: text(r['revoked_at']),
  verifiedAt: text(r['verified_at']),
});
export const toOfficerKey = (r: Row): OfficerKey => ({
  fingerprint: String(r['fingerprint']),
  officerId: String(r['officer_id']),
  recipient: String(r['recipient']),
  createdAt: String(r['created_at']),
  revokedAt: text(r['revoked_at']),
});
export const toCeremony = (r: Row): Ceremony => ({
  idHash: String(r['id_hash']),
  purpose: String(r['purpose']) as CeremonyPurpose,
  challengeHash: String(r['challenge_hash']),
  data: text(r['data']),
  expiresAt: String(r['expires_at']),
});
export const toFailures = (r: Row) => ({ windowStart: String(r['window_start']), failures: Number(r['failures']) });
export const ceremonyValues = (c: Ceremony) => [c.idHash, c.purpose, c.challengeHash, c.data, c.expiresAt];

/** A one-time code people can read out and type: 20 characters of an alphabet without look-alikes, in groups. */
export function newInvitationCode(): string {
  return drawFrom(ALPHABET, 20).match(/.{5}/g)!.join('-');
}
const normalCode = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');
export const invitationHash = (code: string) => sha256(`invitation:${normalCode(code)}`);

/** Makes an invitation for `name`, valid 24 hours, and returns its code: the only time the code exists in clear. */
export async function createInvitation(access: AccessStore, name: string, by: string, at: Date): Promise<string> {
  const code = newInvitationCode();
  await access.addInvitation(
    {
      codeHash: await invitationHash(code),
      name,
      createdBy: by,
      createdAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + INVITATION_MS).toISOString(),
      usedAt: null,
    },
    { at: at.toISOString(), reference: null, action: 'officer:invite', operator: by, detail: name },
  );
  return code;
}

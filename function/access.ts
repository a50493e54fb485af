// The privacy officers' access to the inbox, as storage sees it: officers, passkeys, one-time invitations and
// sessions. Shared by node:sqlite and D1 (same SQL, same migration); only hashes of codes and session ids are stored.
import { ALPHABET } from './reference.ts';
import { sha256 } from '../shared/seal.ts';
import type { AuditEntry } from './store.ts';

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
  usePasskey(credentialId: string, counter: number, at: string): Promise<void>;
  addSession(session: Session): Promise<void>;
  getSession(idHash: string): Promise<Session | null>;
  touchSession(idHash: string, at: string): Promise<void>;
  revokeSession(idHash: string, at: string): Promise<void>;
  /** The public key made in the inbox (JWK text), if an officer registered one. */
  registeredKey(): Promise<string | null>;
  /** Registers the public key once, with its audit entry; false when one is already registered. */
  registerKey(jwk: string, officerId: string, at: string, audit: AuditEntry): Promise<boolean>;
}

export const ACCESS_SQL = {
  addInvitation:
    'INSERT INTO invitations (code_hash, name, created_by, created_at, expires_at, used_at) ' +
    'VALUES (?, ?, ?, ?, ?, NULL)',
  getInvitation:
    'SELECT code_hash, name, created_by, created_at, expires_at, used_at FROM invitations WHERE code_hash = ?',
  spendInvitation: 'UPDATE invitations SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?',
  addOfficer: 'INSERT INTO officers (id, name, created_at, revoked_at) VALUES (?, ?, ?, NULL)',
  getOfficer: 'SELECT id, name, created_at, revoked_at FROM officers WHERE id = ?',
  listOfficers: 'SELECT id, name, created_at, revoked_at FROM officers ORDER BY created_at',
  /** Never the last active officer: nobody could sign in again. In the statement, so two at once cannot both pass. */
  revokeOfficer:
    'UPDATE officers SET revoked_at = ?1 WHERE id = ?2 AND revoked_at IS NULL ' +
    'AND EXISTS (SELECT 1 FROM officers WHERE revoked_at IS NULL AND id <> ?2)',
  /** Only once the officer is revoked at that moment (D1 runs it in the same batch, whatever came before). */
  revokeSessionsOf:
    'UPDATE sessions SET revoked_at = ?1 WHERE officer_id = ?2 AND revoked_at IS NULL ' +
    'AND EXISTS (SELECT 1 FROM officers WHERE id = ?2 AND revoked_at = ?1)',
  addPasskey:
    'INSERT INTO passkeys (credential_id, officer_id, public_key, counter, transports, created_at, last_used_at) ' +
    'VALUES (?, ?, ?, ?, ?, ?, NULL)',
  getPasskey:
    'SELECT credential_id, officer_id, public_key, counter, transports, created_at, last_used_at ' +
    'FROM passkeys WHERE credential_id = ?',
  usePasskey: 'UPDATE passkeys SET counter = ?, last_used_at = ? WHERE credential_id = ?',
  addSession:
    'INSERT INTO sessions (id_hash, officer_id, created_at, last_seen_at, expires_at, revoked_at) ' +
    'VALUES (?, ?, ?, ?, ?, NULL)',
  getSession:
    'SELECT id_hash, officer_id, created_at, last_seen_at, expires_at, revoked_at FROM sessions WHERE id_hash = ?',
  touchSession: 'UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?',
  revokeSession: 'UPDATE sessions SET revoked_at = ? WHERE id_hash = ? AND revoked_at IS NULL',
  registeredKey: 'SELECT jwk FROM officer_key WHERE id = 1',
  registerKey:
    'INSERT INTO officer_key (id, jwk, registered_by, registered_at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
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
});

/** A one-time code people can read out and type: 20 characters of an alphabet without look-alikes, in groups. */
export function newInvitationCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
  return chars.match(/.{5}/g)!.join('-');
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

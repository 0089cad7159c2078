import { readFile, rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_FILE } from '../src/database.js';
import { openStore } from '../src/snapshot-store.js';
import { type SessionPolicy, SessionStore } from '../src/session-store.js';
import { sampleSnapshot } from './sample-snapshot.js';

const MINUTE = 60_000;
const POLICY: SessionPolicy = { idleMs: 30 * MINUTE, absoluteMs: 8 * 60 * MINUTE, rotationGraceMs: MINUTE };

let now: number;
let store: SessionStore | undefined;
let dir: string;

beforeEach(async () => {
  now = Date.UTC(2026, 4, 1, 9);
  dir = await mkdtemp(join(tmpdir(), 'flowgraph-sessions-'));
});
afterEach(async () => {
  store?.close();
  store = undefined;
  await rm(dir, { recursive: true, force: true });
});

function open(policy = POLICY): SessionStore {
  store = new SessionStore({ location: { memory: true }, policy, now: () => now });
  return store;
}

const session = { personId: 'person-1', org: 'live:eu-west-1:org-1', payload: Buffer.from('sealed') };

describe('[U] SessionStore', () => {
  it('keeps a session under an id it never stores, with its payload', async () => {
    store = new SessionStore({ location: { dir }, policy: POLICY, now: () => now });
    const { id, session: created } = store.create(session);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      personId: 'person-1',
      createdAt: now,
      expiresAt: now + POLICY.absoluteMs,
      idleExpiresAt: now + POLICY.idleMs,
    });
    expect(store.get(id)?.payload.toString()).toBe('sealed');
    expect(store.get('x'.repeat(43))).toBeUndefined();
    store.close();
    store = undefined;
    // The file holds a hash of the id, not the id: a copy of it opens no session.
    const file = await readFile(join(dir, STORE_FILE));
    expect(file.includes(Buffer.from(id))).toBe(false);
  });

  it('ends a session left idle, counting from its last use', () => {
    const sessions = open();
    const { id } = sessions.create(session);
    now += POLICY.idleMs - 1;
    sessions.touch(id);
    expect(sessions.get(id)?.idleExpiresAt).toBe(now + POLICY.idleMs);
    now += POLICY.idleMs - 1;
    expect(sessions.get(id)).toBeDefined();
    now += 1;
    expect(sessions.get(id)).toBeUndefined();
    // Deleted on the way: it does not come back if the clock is wrong for a moment.
    now -= 10;
    expect(sessions.get(id)).toBeUndefined();
  });

  it('ends a busy session at its absolute expiry', () => {
    const sessions = open();
    const { id } = sessions.create(session);
    const end = now + POLICY.absoluteMs;
    while (now + 10 * MINUTE < end) {
      now += 10 * MINUTE;
      sessions.touch(id);
      expect(sessions.get(id)).toBeDefined();
    }
    expect(sessions.get(id)?.idleExpiresAt).toBe(end);
    now = end;
    expect(sessions.get(id)).toBeUndefined();
  });

  it('writes lastSeenAt at most once a minute', () => {
    const sessions = open();
    const { id } = sessions.create(session);
    const created = sessions.get(id)?.lastSeenAt;
    now += 59_000;
    sessions.touch(id);
    expect(sessions.get(id)?.lastSeenAt).toBe(created);
    now += 1_000;
    sessions.touch(id);
    expect(sessions.get(id)?.lastSeenAt).toBe(now);
  });

  it('rotates: the new id carries the session, the old one only for the grace period', () => {
    const sessions = open();
    const { id: first } = sessions.create(session);
    const second = sessions.rotate(first);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    // An id already replaced cannot be rotated again (two tabs racing get one successor).
    expect(sessions.rotate(first)).toBeUndefined();
    sessions.update(second as string, Buffer.from('new tokens'));
    expect(sessions.get(first)?.payload.toString()).toBe('new tokens');
    now += POLICY.rotationGraceMs;
    expect(sessions.get(first)).toBeUndefined();
    expect(sessions.get(second as string)?.payload.toString()).toBe('new tokens');
    // The absolute expiry is the original sign-in's: rotation does not extend it.
    expect(sessions.get(second as string)?.expiresAt).toBe(Date.UTC(2026, 4, 1, 9) + POLICY.absoluteMs);
  });

  it('deletes the session through either id, and counts a person’s live sessions', () => {
    const sessions = open();
    const { id: first } = sessions.create(session);
    sessions.create({ ...session, personId: 'person-2' });
    const second = sessions.rotate(first) as string;
    expect(sessions.countForPerson('person-1')).toBe(1);
    expect(sessions.delete(first)).toBe(true);
    expect(sessions.get(second)).toBeUndefined();
    expect(sessions.delete(second)).toBe(false);
    expect(sessions.countForPerson('person-1')).toBe(0);
    expect(sessions.countForPerson('person-2')).toBe(1);
  });

  it('sweeps expired sessions and pending logins', () => {
    const sessions = open();
    sessions.create(session);
    const { id: busy } = sessions.create({ ...session, personId: 'person-2' });
    now += POLICY.idleMs - MINUTE;
    sessions.touch(busy);
    now += MINUTE;
    expect(sessions.sweep()).toBe(1);
    expect(sessions.get(busy)).toBeDefined();
  });

  it('hands a pending login out once, and not after it expired', () => {
    const sessions = open();
    const id = sessions.savePendingLogin(Buffer.from('state+verifier'), 10 * MINUTE);
    expect(sessions.takePendingLogin(id)?.toString()).toBe('state+verifier');
    expect(sessions.takePendingLogin(id)).toBeUndefined();
    const late = sessions.savePendingLogin(Buffer.from('late'), 10 * MINUTE);
    now += 10 * MINUTE;
    expect(sessions.takePendingLogin(late)).toBeUndefined();
  });

  it('shares the snapshot store’s file (one schema, both connections)', () => {
    const snapshots = openStore({ dir });
    store = new SessionStore({ location: { dir }, policy: POLICY, now: () => now });
    const saved = snapshots.save(sampleSnapshot(2, '1.0'), { org: 'demo' });
    const { id } = store.create(session);
    expect(snapshots.load(saved.id).flows).toHaveLength(2);
    expect(store.get(id)).toBeDefined();
    snapshots.close();
  });
});

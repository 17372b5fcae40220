import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAccounts, type Session } from './accounts-store';
import { SessionLog } from './session-log';

const logger = pino({ level: 'silent' });
const NOW = Date.UTC(2026, 10, 24, 2, 0);
let dataDir = '';
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'qms-sessions-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const session = (tokenHash: string, over: Partial<Session> = {}): Session => ({ tokenHash, userId: 'canbo1', createdAt: NOW, expiresAt: NOW + 3_600_000, ...over });

describe('the session log', () => {
  it('takes over the sessions an older release kept in accounts.json, so nobody is signed out by the upgrade', async () => {
    await writeFile(join(dataDir, 'accounts.json'), JSON.stringify({ users: [], devices: [], sessions: [session('old-a', { counterId: 3 }), session('old-b')] }));
    const accounts = await openAccounts(dataDir);
    const log = await SessionLog.open(dataDir, accounts, () => NOW, logger);
    expect(log.get('old-a')).toMatchObject({ userId: 'canbo1', counterId: 3 });
    expect(log.get('old-b')).toBeDefined();
    // They are in the log now; accounts.json drops them the next time it is written.
    expect(accounts.data.sessions).toEqual([]);
    await log.record({ op: 'end', tokenHash: 'old-b' });
    const reopened = await SessionLog.open(dataDir, await openAccounts(dataDir), () => NOW, logger);
    expect(reopened.get('old-a')).toMatchObject({ counterId: 3 });
    expect(reopened.get('old-b')).toBeUndefined();
  });

  it('keeps sign-ins, sign-outs and counters across a restart, and skips a half-written line', async () => {
    const accounts = await openAccounts(dataDir);
    const log = await SessionLog.open(dataDir, accounts, () => NOW, logger);
    await log.record({ op: 'open', ...session('a') });
    await log.record({ op: 'open', ...session('b', { userId: 'canbo2' }) });
    await log.record({ op: 'counter', tokenHash: 'a', counterId: 5 });
    await log.record({ op: 'end-user', userId: 'canbo2' });
    await appendFile(join(dataDir, 'sessions.jsonl'), '{"op":"open","tokenHash":"c","us');
    const reopened = await SessionLog.open(dataDir, await openAccounts(dataDir), () => NOW, logger);
    expect(reopened.get('a')).toMatchObject({ counterId: 5 });
    expect(reopened.get('b')).toBeUndefined();
    expect(reopened.get('c')).toBeUndefined();
  });

  it('drops expired sessions when it compacts at start', async () => {
    const log = await SessionLog.open(dataDir, await openAccounts(dataDir), () => NOW, logger);
    await log.record({ op: 'open', ...session('short', { expiresAt: NOW + 1000 }) });
    await log.record({ op: 'open', ...session('long') });
    await SessionLog.open(dataDir, await openAccounts(dataDir), () => NOW + 2000, logger);
    const lines = (await readFile(join(dataDir, 'sessions.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).tokenHash)).toEqual(['long']);
  });
});

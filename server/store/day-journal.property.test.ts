// Random sequences of appends (alone and in bursts that share a sync), failed writes of
// every kind (ENOSPC before a byte, a short write, EIO on the sync after the bytes went
// out, which with O_DSYNC is the write's own), recoveries and restarts, against the real journal on real files. After every
// step: each acknowledged event is in the file exactly once and in order, nothing refused
// is there, a refused batch is never followed by an acknowledged one of the same burst,
// and a failed journal refuses every append until it has recovered.
import { constants, readdirSync, readlinkSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueEvent } from '@protocol/queue';
import { openFlags } from '../../test/support/proc';
import { DayJournal, StorageUnavailableError } from './day-journal';
import { journalFile, readJournal } from './journal-reader';

type Fault = 'enospc' | 'short-write' | 'eio-on-sync';
const DAY = '2026-11-24';

// The faults come from below the journal: FileHandle's own write and datasync, patched for
// this file's worker only. A short write really writes half the bytes.
const planned: (Fault | null)[] = [];
let restore: () => void = () => undefined;
beforeAll(async () => {
  const probe = await open(process.execPath, 'r');
  const proto = Object.getPrototypeOf(probe) as Record<'write' | 'datasync', (...args: any[]) => Promise<any>>;
  await probe.close();
  const { write, datasync } = proto;
  let syncFault: Fault | null = null;
  proto.write = async function (this: unknown, buffer: Buffer, ...rest: unknown[]) {
    const fault = planned.shift();
    if (fault === 'enospc') throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    if (fault === 'short-write') return write.call(this, buffer.subarray(0, Math.floor(buffer.length / 2)));
    if (fault === 'eio-on-sync') {
      // Where the journal writes with O_DSYNC the sync is the write's own: its bytes go out
      // and the write fails; elsewhere the datasync after it fails.
      if (constants.O_DSYNC === undefined) syncFault = fault;
      else {
        await write.call(this, buffer, ...rest);
        throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      }
    }
    return write.call(this, buffer, ...rest);
  };
  proto.datasync = async function (this: unknown) {
    if (syncFault) {
      syncFault = null;
      throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
    }
    return datasync.call(this);
  };
  restore = () => Object.assign(proto, { write, datasync });
});
afterAll(() => restore());

type Step = { kind: 'append'; batches: number; fault: Fault | null; faultAt: number } | { kind: 'recover' } | { kind: 'restart' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('append' as const), batches: fc.integer({ min: 1, max: 5 }), fault: fc.option(fc.constantFrom<Fault>('enospc', 'short-write', 'eio-on-sync'), { freq: 3 }), faultAt: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'recover' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

function events(firstSeq: number, count: number): QueueEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'ticket.issued',
    seq: firstSeq + i,
    at: 1_764_000_000_000 + firstSeq + i,
    ticket: { id: `t${firstSeq + i}`, number: firstSeq + i, label: String(firstSeq + i), serviceId: 'ho-tich', priority: false, source: 'api' },
  }));
}

describe('the day journal under failing writes', () => {
  it('holds exactly the acknowledged events whatever fails, and refuses everything until it has recovered', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const dataDir = await mkdtemp(join(tmpdir(), 'qms-journal-prop-'));
        let journal = (await DayJournal.open(dataDir, DAY)).journal;
        const acked: QueueEvent[] = [];
        let failed = false;
        try {
          for (const s of steps) {
            if (s.kind === 'append') {
              planned.length = 0;
              if (s.fault) {
                for (let i = 0; i < s.faultAt; i++) planned.push(null);
                planned.push(s.fault);
              }
              // Decided one after another on top of each other, as the queue does during a sync.
              let next = (acked.at(-1)?.seq ?? 0) + 1;
              const burst = Array.from({ length: s.batches }, () => {
                const batch = events(next, 1 + (next % 3));
                next += batch.length;
                return { batch, result: journal.append(batch).then(() => 'ok' as const, (err: unknown) => err) };
              });
              const outcomes = await Promise.all(burst.map((b) => b.result));
              planned.length = 0;
              const firstRefused = outcomes.findIndex((o) => o !== 'ok');
              if (failed) expect(firstRefused).toBe(0);
              if (firstRefused >= 0) {
                expect(outcomes.slice(firstRefused).every((o) => o instanceof StorageUnavailableError)).toBe(true);
                failed = true;
              }
              for (const [i, b] of burst.entries()) if (outcomes[i] === 'ok') acked.push(...b.batch);
            } else if (s.kind === 'recover') {
              if (failed) await journal.recover();
              failed = false;
            } else {
              await journal.close();
              journal = (await DayJournal.open(dataDir, DAY)).journal;
              failed = false;
            }
            expect(Boolean(journal.unavailable)).toBe(failed);
            const onDisk = await readJournal(journalFile(dataDir, DAY));
            expect(onDisk.damaged).toEqual([]);
            expect(onDisk.events.map((e) => e.seq)).toEqual(acked.map((e) => e.seq));
          }
        } finally {
          await journal.close();
          await rm(dataDir, { recursive: true, force: true });
        }
      }),
      { numRuns: 60 },
    );
  });

  // The sync is part of every write where the system offers it: if the flag were lost, nothing
  // else would sync the journal (it no longer calls datasync there).
  it.skipIf(process.platform !== 'linux')('writes the journal with O_DSYNC where the system has it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qms-journal-dsync-'));
    const { journal } = await DayJournal.open(dataDir, DAY);
    try {
      const file = journalFile(dataDir, DAY);
      const fd = readdirSync('/proc/self/fd').find((n) => {
        try {
          return readlinkSync(`/proc/self/fd/${n}`) === file;
        } catch {
          return false;
        }
      });
      expect(fd).toBeDefined();
      expect(openFlags(fd!) & constants.O_DSYNC).toBe(constants.O_DSYNC);
    } finally {
      await journal.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

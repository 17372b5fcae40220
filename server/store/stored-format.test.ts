import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readDocument, StoredFormatError, toDocument, type StoredFormat } from './stored-format';

// A store that went through two releases: format 2 added "colour", format 3 renamed "title" to "name".
const schema = z.object({ name: z.string().min(1), colour: z.string(), size: z.number().int() });
const format: StoredFormat<z.infer<typeof schema>> = {
  current: 3,
  upgrades: {
    1: (doc) => ({ ...doc, colour: 'xanh' }),
    2: ({ title, ...rest }) => ({ ...rest, name: title }),
  },
  parse: (doc) => schema.parse(doc),
};

describe('readDocument', () => {
  it('brings a document without a format (format 1) up through every step', () => {
    expect(readDocument(format, { title: 'Quầy 1', size: 3 })).toEqual({ value: { name: 'Quầy 1', colour: 'xanh', size: 3 }, from: 1 });
  });

  it('starts from the format the document says and keeps what a later step did not touch', () => {
    expect(readDocument(format, { format: 2, title: 'Quầy 2', colour: 'đỏ', size: 1 })).toEqual({ value: { name: 'Quầy 2', colour: 'đỏ', size: 1 }, from: 2 });
  });

  it('reads the current format as it is', () => {
    expect(readDocument(format, toDocument(format, { name: 'Quầy 3', colour: 'vàng', size: 2 }))).toEqual({ value: { name: 'Quầy 3', colour: 'vàng', size: 2 }, from: 3 });
  });

  it('refuses a document from a newer release in both languages', () => {
    const err = (() => {
      try {
        readDocument(format, { format: 4, name: 'x', colour: 'x', size: 1 });
      } catch (e) {
        return e as StoredFormatError;
      }
    })();
    expect(err).toBeInstanceOf(StoredFormatError);
    expect(err?.en).toBe('it was written by a newer release (format 4; this release reads formats up to 3)');
    expect(err?.vi).toContain('phiên bản mới hơn');
  });

  it.each([[{ format: 'hai' }], [{ format: 0 }], [{ format: 1.5 }], [[1, 2]], ['text'], [null]])('refuses %j as a stored document', (doc) => {
    expect(() => readDocument(format, doc)).toThrow(StoredFormatError);
  });

  it('names the fields that do not validate after the upgrade', () => {
    expect(() => readDocument(format, { title: '', size: 1.5 })).toThrow(/name: .*; size: /);
  });
});

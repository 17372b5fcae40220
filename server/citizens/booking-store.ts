// The appointment book on disk (<dataDir>/bookings.json): every booking, cancellation and
// check-in is written durably before it is acknowledged. Changes run one at a time, each
// deciding on the book as the previous change left it, so two citizens tapping the last place
// of a slot at the same moment cannot both get it. A file that cannot be read stops the start
// (UnreadableDataFileError), like config.json: a lost book is never replaced by an empty one.
import { join } from 'node:path';
import { z } from 'zod';
import type { Booking } from '@protocol/appointments';
import type { StoredFormat } from '../store/stored-format';
import { VersionedJSONFile, type Migration } from '../store/versioned-json-file';

const bookingSchema = z.object({
  id: z.string().min(1),
  code: z.string().min(1),
  serviceId: z.string().min(1),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  start: z.string().regex(/^\d{2}:\d{2}$/),
  end: z.string().regex(/^\d{2}:\d{2}$/),
  phone: z.string().min(1),
  name: z.string().optional(),
  via: z.enum(['phone', 'staff', 'api']),
  bookedAt: z.number(),
  status: z.enum(['booked', 'checked-in', 'cancelled']),
  cancelledAt: z.number().optional(),
  checkedInAt: z.number().optional(),
  ticketId: z.string().optional(),
});

const bookSchema = z.object({ bookings: z.array(bookingSchema) });
type Book = z.infer<typeof bookSchema>;

/** bookings.json's format: the next change to its shape adds a migration step here and raises `current`. */
export const bookingsFormat: StoredFormat<Book> = {
  current: 1,
  upgrades: {},
  parse: (doc) => bookSchema.parse(doc),
};

/** What one change makes of the book: the bookings after it, and what to answer. */
export interface BookChange<T> {
  bookings: readonly Booking[];
  result: T;
}

export class BookingStore {
  private bookings: readonly Booking[];
  private last: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: VersionedJSONFile<Book>,
    initial: readonly Booking[],
  ) {
    this.bookings = initial;
  }

  /** Throws UnreadableDataFileError for a file that cannot be read. */
  static async open(dataDir: string, onMigrated?: (m: Migration) => void): Promise<BookingStore> {
    const path = join(dataDir, 'bookings.json');
    const file = new VersionedJSONFile<Book>(path, bookingsFormat, onMigrated);
    const read = await file.read();
    return new BookingStore(file, read?.bookings ?? []);
  }

  all(): readonly Booking[] {
    return this.bookings;
  }

  /** The booking with this code: the one still holding its slot, else the latest (codes are reused only after a cancellation). */
  byCode(code: string): Booking | undefined {
    let found: Booking | undefined;
    for (const b of this.bookings) if (b.code === code && (!found || found.status === 'cancelled')) found = b;
    return found;
  }

  byId(id: string): Booking | undefined {
    return this.bookings.find((b) => b.id === id);
  }

  /**
   * Runs one change after every change before it: `decide` sees the book as it is, its
   * bookings are written durably, and only then become the book. A failed write changes nothing.
   */
  change<T>(decide: (bookings: readonly Booking[]) => BookChange<T> | Promise<BookChange<T>>): Promise<T> {
    const run = this.last.then(async () => {
      const next = await decide(this.bookings);
      if (next.bookings !== this.bookings) {
        await this.file.write({ bookings: [...next.bookings] });
        this.bookings = next.bookings;
      }
      return next.result;
    });
    this.last = run.catch(() => undefined);
    return run;
  }

  /** Reads the file again (after a restore replaced it). */
  async reload(): Promise<void> {
    await this.last;
    this.bookings = (await this.file.read())?.bookings ?? [];
  }
}

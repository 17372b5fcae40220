// Ticket ids are the phone page's only key, so they are long and random: 9 bytes of the
// system's generator, 12 characters of base64url. The bytes are drawn 512 ids at a time, one
// call instead of one per ticket (it showed in the profile of a burst of issues), and each
// byte of the pool is used once.
import { randomBytes } from 'node:crypto';

const ID_BYTES = 9;
const IDS_PER_DRAW = 512;

let pool = Buffer.alloc(0);
let next = 0;

export function randomTicketId(): string {
  if (next + ID_BYTES > pool.length) {
    pool = randomBytes(ID_BYTES * IDS_PER_DRAW);
    next = 0;
  }
  const id = pool.toString('base64url', next, next + ID_BYTES);
  next += ID_BYTES;
  return id;
}

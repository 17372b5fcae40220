import { describe, expect, it } from 'vitest';
import { randomTicketId } from './ticket-id';

describe('ticket ids', () => {
  it('are 12 base64url characters, never repeated across several draws of the pool', () => {
    const ids = Array.from({ length: 5000 }, () => randomTicketId());
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('use every character position fully: no byte of the pool is left fixed', () => {
    const ids = Array.from({ length: 5000 }, () => randomTicketId());
    for (let i = 0; i < 12; i++) expect(new Set(ids.map((id) => id[i])).size).toBe(64);
  });
});

import { describe, expect, it } from 'vitest';
import { sampleCentre } from '@protocol/sample-centre';

describe('the sample centre', () => {
  it('names every counter after all the fields it serves, so its display tells citizens the truth', () => {
    const fieldName = (id: string) => sampleCentre.services.find((s) => s.id === id)!.name.replace(/\s*\(.*\)$/, '');
    for (const counter of sampleCentre.counters) {
      for (const id of counter.serviceIds) expect(counter.name, `${counter.name} serves ${fieldName(id)}`).toContain(fieldName(id));
    }
  });
});

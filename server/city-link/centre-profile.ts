// What the city needs of the centre's configuration to name its figures as the centre does.
import type { CentreProfile } from '@protocol/city';
import type { CentreConfig } from '@protocol/config';

export function centreProfile(config: CentreConfig): CentreProfile {
  return {
    name: config.centre.name,
    timeZone: config.centre.timeZone,
    services: config.services.map((s) => ({ id: s.id, name: s.name, active: s.active })),
    ratingLevels: config.rating.levels.map((l) => ({ score: l.score, label: l.label, asksReason: l.asksReason })),
  };
}

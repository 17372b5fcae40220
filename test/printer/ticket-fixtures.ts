// Tickets for every field of the sample centre, as the server would ask for them:
// fixed times and numbers so the reference images stay the same from run to run.
import { sampleCentre } from '@protocol/sample-centre';
import type { TicketPrintJob } from '../../server/devices/printer';

/** 2026-03-14 08:15 in Hà Nội (UTC+7), a Saturday morning. */
export const FIXTURE_ISSUED_AT = Date.UTC(2026, 2, 14, 1, 15, 0);

export function sampleTicketJobs(paperWidthDots: 576 | 384): { name: string; job: TicketPrintJob }[] {
  const { centre, services, counters, priorityCategories } = sampleCentre;
  return services.map((service, i) => {
    const number = service.numberStart + 4 + i;
    const label = service.prefix ? `${service.prefix}${String(number).padStart(3, '0')}` : String(number);
    // Every third ticket is a priority one, cycling through the categories.
    const priority = i % 3 === 1 ? priorityCategories[Math.floor(i / 3) % priorityCategories.length] : undefined;
    return {
      name: `${paperWidthDots}-${service.id}`,
      job: {
        centreName: centre.name,
        subtitle: centre.subtitle,
        label,
        serviceName: service.name,
        counterNames: counters.filter((c) => c.serviceIds.includes(service.id)).map((c) => c.name),
        waitingAhead: (i * 7) % 23,
        issuedAt: FIXTURE_ISSUED_AT + i * 61_000,
        timeZone: centre.timeZone,
        url: `http://192.168.1.10:3000/t/2026-03-14-${service.id}-${label}`,
        ...(priority ? { priorityName: priority.name } : {}),
        paperWidthDots,
      },
    };
  });
}

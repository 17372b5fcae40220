// The centre's configuration: what managers edit and every device reads.
// One zod schema is both the runtime validator and the static type.
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'id: a-z, 0-9 and "-" only, at most 40');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time: HH:MM');
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date: YYYY-MM-DD')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
  }, { message: 'date: no such day' });

let knownZones: Set<string> | undefined;
const acceptedZones = new Set<string>();
/**
 * A zone in Intl.supportedValuesOf('timeZone'). That list holds canonical names only, so an
 * alias such as Asia/Ho_Chi_Minh counts by its canonical form, and the fixed Etc/ offsets,
 * which the list leaves out but Intl reads, count too. Anything else makes every clock reading throw.
 */
export function isKnownTimeZone(name: string): boolean {
  knownZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  // Every configuration check asks for the centre's zone, and a date formatter costs about a
  // millisecond to make: a zone found once is remembered (only real zones, so the set is bounded).
  if (acceptedZones.has(name)) return true;
  let canonical: string;
  try {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  const known = knownZones.has(name) || knownZones.has(canonical) || canonical === 'UTC' || canonical.startsWith('Etc/');
  if (known) acceptedZones.add(name);
  return known;
}

export const serviceSchema = z
  .object({
    id,
    name: z.string().min(1).max(80),
    /** Letter(s) printed before the number ("A025"); empty for plain numbers ("1005").
     *  No digits: "1" + "005" would print the same label as number 1005 of a plain block. */
    prefix: z.string().max(3).regex(/^\D*$/, 'prefix: no digits').default(''),
    numberStart: z.number().int().min(0).max(999_999),
    numberEnd: z.number().int().min(0).max(999_999),
    /** Tickets per day; null means only the number block limits it. */
    dailyCap: z.number().int().positive().nullable().default(null),
    active: z.boolean().default(true),
    /** Minutes a citizen should wait at most before being called (service level, long-wait
     *  alert); null = the centre's default, alerts.waitMinutes. */
    targetWaitMinutes: z.number().int().positive().max(480).nullable().default(null),
  })
  .refine((s) => s.numberEnd >= s.numberStart, { message: 'numberEnd must be ≥ numberStart' });

export const counterSchema = z.object({
  id: z.number().int().min(1).max(999),
  name: z.string().min(1).max(60),
  /** Fields this counter serves, most preferred first. */
  serviceIds: z.array(id).min(1),
  active: z.boolean().default(true),
});

export const priorityCategorySchema = z.object({ id, name: z.string().min(1).max(80) });

/** A holiday that comes back every year, on the solar calendar (30/4) or the lunar one (Tết). */
export const repeatingHolidaySchema = z.object({
  name: z.string().min(1).max(60),
  calendar: z.enum(['solar', 'lunar']),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  /** Days off counted from that date: Tết runs from the day before lunar 1/1 (the last day of
   *  the old year, 29 or 30) for 5 days, which startOffset -1 and days 5 say. */
  startOffset: z.number().int().min(-5).max(0).default(0),
  days: z.number().int().min(1).max(10).default(1),
});

const interval = z.tuple([clock, clock]).refine(([a, b]) => a < b, { message: 'opening interval must end after it starts' });

export const openingHoursSchema = z.object({
  /** When false the kiosk issues at any hour (for centres open on demand). */
  enforce: z.boolean().default(true),
  /** Index 0 = Sunday … 6 = Saturday, as Date#getDay. */
  weekly: z.array(z.array(interval)).length(7),
  /** One-off closed days (a holiday moved by the government, a day off in lieu). */
  holidays: z.array(isoDay).default([]),
  repeatingHolidays: z.array(repeatingHolidaySchema).max(30).default([]),
});

export const ratingLevelSchema = z.object({
  score: z.number().int().min(1).max(10),
  label: z.string().min(1).max(40),
  icon: z.string().max(8).default(''),
  /** This level asks the citizen for a reason (e.g. "Không hài lòng"). */
  asksReason: z.boolean().default(false),
});

export const ratingSchema = z.object({
  levels: z.array(ratingLevelSchema).min(2).max(10),
  reasons: z.array(z.string().min(1).max(60)).max(12),
  /** Seconds the terminal keeps asking before the ticket is recorded as not rated. */
  promptSeconds: z.number().int().min(5).max(600),
});

export const callPolicySchema = z.object({
  /** priority-first: any waiting priority ticket goes first; interleave: N normal, then 1 priority. */
  mode: z.enum(['priority-first', 'interleave']),
  interleaveNormalPerPriority: z.number().int().min(1).max(50),
  /** oldest-first: longest wait across the counter's fields, preference breaks ties;
   *  strict-preference: the first field with anyone waiting, longest wait within it. */
  fieldOrder: z.enum(['oldest-first', 'strict-preference']),
  /** After this many minutes of waiting a ticket goes first whatever its line; null = off. */
  maxWaitMinutes: z.number().int().positive().nullable(),
  /** Appointments called in a row at one counter before a waiting walk-in gets a turn, so
   *  walk-ins never starve behind a full appointment book (docs/queue-policy.md). */
  appointmentsInRow: z.number().int().min(1).max(20).default(3),
});

/** Numbers taken from a phone on the citizens' Wi-Fi (iHanoi's limits as defaults). */
export const phoneNumbersSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** The part of the day a phone may take a number, inside the opening hours. */
    from: clock.default('08:00'),
    to: clock.default('16:00'),
    /** Numbers one phone number may take in a day, and in one field in a day. */
    perPhonePerDay: z.number().int().min(1).max(10).default(2),
    perPhonePerField: z.number().int().min(1).max(10).default(1),
    /** Priority categories a citizen may claim from the phone (iHanoi: people over 75), shown at
     *  the counter with their papers; none unless a manager allows one. */
    priorityCategoryIds: z.array(id).max(20).default([]),
  })
  .refine((p) => p.from < p.to, { message: 'phone numbers: "to" must be after "from"', path: ['to'] });

/** One stretch of a weekday cut into slots, each taking this many appointments. */
export const slotIntervalSchema = z
  .object({ from: clock, to: clock, capacity: z.number().int().min(1).max(50) })
  .refine((i) => i.from < i.to, { message: 'slot interval must end after it starts', path: ['to'] });

export const appointmentFieldSchema = z.object({
  serviceId: id,
  slotMinutes: z.number().int().min(5).max(240),
  /** Index 0 = Sunday … 6 = Saturday, as the opening hours. */
  weekly: z.array(z.array(slotIntervalSchema).max(8)).length(7),
});

export const appointmentsSchema = z.object({
  enabled: z.boolean().default(false),
  /** How many days ahead a slot may be booked (0 = today only). */
  daysAhead: z.number().int().min(0).max(60).default(6),
  /** Check-in opens this long before the slot and closes this long after its start; an
   *  appointment not checked in by then is released. */
  checkInEarlyMinutes: z.number().int().min(0).max(180).default(30),
  checkInLateMinutes: z.number().int().min(0).max(120).default(15),
  /** Appointments one phone number may hold for one day (all fields). */
  perPhonePerDay: z.number().int().min(1).max(10).default(1),
  fields: z.array(appointmentFieldSchema).max(50).default([]),
});

/** What a visit was for, picked by the officer when finishing (one key each, in this order). */
export const outcomeSchema = z.object({ id, name: z.string().min(1).max(40) });

export const DEFAULT_OUTCOMES: { id: string; name: string }[] = [
  { id: 'tiep-nhan', name: 'Tiếp nhận hồ sơ' },
  { id: 'tra-ket-qua', name: 'Trả kết quả' },
  { id: 'huong-dan', name: 'Hướng dẫn, tư vấn' },
  { id: 'bo-sung', name: 'Bổ sung hồ sơ' },
  { id: 'nop-truc-tuyen', name: 'Hỗ trợ nộp trực tuyến' },
  { id: 'khac', name: 'Khác' },
];

/** The heading and signature of the official report, as the centre's documents are laid out. */
export const officialReportSchema = z.object({
  /** The body the centre belongs to, first line of the heading ("UBND PHƯỜNG MẪU"). */
  parentBody: z.string().max(120).default(''),
  /** The abbreviation after "Số: …/BC-" (e.g. "TTPVHCC"). */
  documentCode: z.string().max(30).default('TTPVHCC'),
  /** Where the report is signed, first words of the date line ("Phường Mẫu"). */
  place: z.string().max(60).default(''),
  signerTitle: z.string().max(60).default('GIÁM ĐỐC'),
  signerName: z.string().max(80).default(''),
  recipients: z.array(z.string().min(1).max(120)).max(10).default(['Lưu: VT.']),
});

export const voiceSchema = z.object({
  /** {number} is read digit by digit, {counter} as a Vietnamese number in words. */
  template: z.string().min(1).max(200),
  repeats: z.number().int().min(1).max(4),
  /** 1 = normal speed; centres like it a little slower. */
  rate: z.number().min(0.5).max(1.5),
  chime: z.boolean(),
  /** clips: the server's clips (the centre's recordings, else espeak-ng); browser-voice: the central
   *  display's own Vietnamese voice (Web Speech API) where it has one, else the clips; chime-only. */
  announce: z.enum(['clips', 'browser-voice', 'chime-only']).default('clips'),
  /** Device ids of the central displays that play the sound. */
  playOnDeviceIds: z.array(id),
});

export const deviceRoleSchema = z.enum(['kiosk', 'counter-display', 'central-display', 'rating-terminal']);
export type DeviceRole = z.infer<typeof deviceRoleSchema>;

export const deviceSchema = z.object({
  id,
  role: deviceRoleSchema,
  name: z.string().min(1).max(60),
  /** Counter displays and rating terminals belong to one counter. */
  counterId: z.number().int().positive().optional(),
});

export const printerSettingsSchema = z.object({
  /** 576 dots = 80 mm paper, 384 dots = 58 mm. */
  paperWidthDots: z.union([z.literal(576), z.literal(384)]),
  /** tcp://host:9100, serial:/dev/ttyUSB0?baud=115200, usb, file:prints; empty = the server's QMS_PRINTER. */
  connection: z.string().trim().max(200).default(''),
});

export const centreConfigSchema = z
  .object({
    centre: z.object({
      name: z.string().min(1).max(120),
      /** Line under the name on the ticket (ward, address). */
      subtitle: z.string().max(160).default(''),
      timeZone: z.string().min(1).refine(isKnownTimeZone, { message: 'unknown time zone' }).default('Asia/Ho_Chi_Minh'),
    }),
    services: z.array(serviceSchema).min(1),
    counters: z.array(counterSchema).min(1),
    priorityCategories: z.array(priorityCategorySchema),
    openingHours: openingHoursSchema,
    callPolicy: callPolicySchema,
    rating: ratingSchema,
    voice: voiceSchema,
    devices: z.array(deviceSchema),
    printer: printerSettingsSchema,
    kiosk: z.object({
      /** Tickets one kiosk may issue per minute (a stuck finger or a script). */
      ticketsPerMinute: z.number().int().min(1).max(600),
      /** Seconds the confirmation stays before the kiosk returns to the start. */
      confirmSeconds: z.number().int().min(2).max(60),
    }),
    alerts: z.object({ waitMinutes: z.number().int().positive() }),
    backup: z
      .object({
        /** Automatic daily backups of the data folder, kept this many days. */
        keepDays: z.number().int().min(1).max(365),
        /** A folder off this disk (a USB drive, a network share's mount point) that gets a verified copy of
         *  every daily backup; empty = none. */
        secondLocation: z
          .string()
          .trim()
          .max(300)
          .regex(/^(\/[^\0]*)?$/, 'second location: an absolute path')
          .default(''),
      })
      .default({ keepDays: 14, secondLocation: '' }),
    notice: z.string().max(500).default(''),
    outcomes: z.array(outcomeSchema).min(1).max(9).default(DEFAULT_OUTCOMES),
    officialReport: officialReportSchema.default(() => officialReportSchema.parse({})),
    phoneNumbers: phoneNumbersSchema.default(() => phoneNumbersSchema.parse({})),
    appointments: appointmentsSchema.default(() => appointmentsSchema.parse({})),
  })
  .superRefine((c, ctx) => {
    const dup = <T>(xs: T[]) => xs.find((x, i) => xs.indexOf(x) !== i);
    const serviceIds = c.services.map((s) => s.id);
    const d1 = dup(serviceIds);
    if (d1) ctx.addIssue({ code: 'custom', path: ['services'], message: `duplicate field id ${d1}` });
    const d2 = dup(c.counters.map((x) => x.id));
    if (d2) ctx.addIssue({ code: 'custom', path: ['counters'], message: `duplicate counter id ${d2}` });
    const d3 = dup(c.devices.map((x) => x.id));
    if (d3) ctx.addIssue({ code: 'custom', path: ['devices'], message: `duplicate device id ${d3}` });
    c.counters.forEach((counter, i) =>
      counter.serviceIds.forEach((sid) => {
        if (!serviceIds.includes(sid))
          ctx.addIssue({ code: 'custom', path: ['counters', i, 'serviceIds'], message: `unknown field ${sid}` });
      }),
    );
    const blocks = c.services.map((s) => ({ id: s.id, key: s.prefix, a: s.numberStart, b: s.numberEnd }));
    blocks.forEach((x, i) =>
      blocks.slice(i + 1).forEach((y) => {
        if (x.key === y.key && x.a <= y.b && y.a <= x.b)
          ctx.addIssue({ code: 'custom', path: ['services'], message: `number blocks of ${x.id} and ${y.id} overlap` });
      }),
    );
    c.devices.forEach((dev, i) => {
      const needsCounter = dev.role === 'counter-display' || dev.role === 'rating-terminal';
      if (needsCounter && !c.counters.some((k) => k.id === dev.counterId))
        ctx.addIssue({ code: 'custom', path: ['devices', i, 'counterId'], message: `${dev.id} needs an existing counter` });
    });
    c.openingHours.repeatingHolidays.forEach((h, i) => {
      // Lunar months have 29 or 30 days; solar dates must exist in a leap year at least.
      const longest = h.calendar === 'lunar' ? 30 : [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][h.month - 1];
      if (h.day > longest) ctx.addIssue({ code: 'custom', path: ['openingHours', 'repeatingHolidays', i, 'day'], message: `no day ${h.day} in month ${h.month}` });
    });
    const d4 = dup(c.outcomes.map((o) => o.id));
    if (d4) ctx.addIssue({ code: 'custom', path: ['outcomes'], message: `duplicate outcome id ${d4}` });
    const scores = c.rating.levels.map((l) => l.score);
    if (dup(scores)) ctx.addIssue({ code: 'custom', path: ['rating', 'levels'], message: 'duplicate rating score' });
    const priorityTwice = dup(c.priorityCategories.map((p) => p.id));
    if (priorityTwice) ctx.addIssue({ code: 'custom', path: ['priorityCategories'], message: `duplicate priority category id ${priorityTwice}` });
    c.counters.forEach((counter, i) => {
      const twice = dup(counter.serviceIds);
      if (twice) ctx.addIssue({ code: 'custom', path: ['counters', i, 'serviceIds'], message: `field ${twice} listed twice` });
    });
    c.voice.playOnDeviceIds.forEach((deviceId, i) => {
      if (!c.devices.some((dev) => dev.id === deviceId && dev.role === 'central-display'))
        ctx.addIssue({ code: 'custom', path: ['voice', 'playOnDeviceIds', i], message: `${deviceId} is not a central display` });
    });
    if (c.rating.levels.some((l) => l.asksReason) && c.rating.reasons.length === 0)
      ctx.addIssue({ code: 'custom', path: ['rating', 'reasons'], message: 'a level asks for a reason but there are no reasons' });
    const reasonTwice = dup(c.rating.reasons);
    if (reasonTwice) ctx.addIssue({ code: 'custom', path: ['rating', 'reasons'], message: `duplicate reason ${reasonTwice}` });
    const { weekly, holidays, enforce } = c.openingHours;
    weekly.forEach((intervals, day) => {
      const sorted = intervals.map((iv, i) => ({ iv, i })).sort((a, b) => (a.iv[0] < b.iv[0] ? -1 : 1));
      sorted.forEach((x, k) => {
        const before = sorted[k - 1];
        if (before && x.iv[0] < before.iv[1])
          ctx.addIssue({ code: 'custom', path: ['openingHours', 'weekly', day, x.i], message: 'opening intervals overlap' });
      });
    });
    if (enforce && weekly.every((intervals) => intervals.length === 0))
      ctx.addIssue({ code: 'custom', path: ['openingHours', 'weekly'], message: 'opening hours enforced but no day has any' });
    c.phoneNumbers.priorityCategoryIds.forEach((pid, i) => {
      if (!c.priorityCategories.some((p) => p.id === pid))
        ctx.addIssue({ code: 'custom', path: ['phoneNumbers', 'priorityCategoryIds', i], message: `unknown priority category ${pid}` });
    });
    const phonePriorityTwice = dup(c.phoneNumbers.priorityCategoryIds);
    if (phonePriorityTwice) ctx.addIssue({ code: 'custom', path: ['phoneNumbers', 'priorityCategoryIds'], message: `priority category ${phonePriorityTwice} listed twice` });
    const bookable = dup(c.appointments.fields.map((f) => f.serviceId));
    if (bookable) ctx.addIssue({ code: 'custom', path: ['appointments', 'fields'], message: `appointment slots of ${bookable} listed twice` });
    c.appointments.fields.forEach((f, i) => {
      if (!serviceIds.includes(f.serviceId)) ctx.addIssue({ code: 'custom', path: ['appointments', 'fields', i, 'serviceId'], message: `unknown field ${f.serviceId}` });
      f.weekly.forEach((intervals, day) => {
        const sorted = [...intervals].sort((a, b) => (a.from < b.from ? -1 : 1));
        sorted.forEach((x, k) => {
          if (k > 0 && x.from < sorted[k - 1].to) ctx.addIssue({ code: 'custom', path: ['appointments', 'fields', i, 'weekly', day], message: 'slot intervals overlap' });
          if (minutesOf(x.to) - minutesOf(x.from) < f.slotMinutes)
            ctx.addIssue({ code: 'custom', path: ['appointments', 'fields', i, 'weekly', day], message: 'a slot interval is shorter than one slot' });
        });
      });
    });
    const holidayTwice = dup(holidays);
    if (holidayTwice) ctx.addIssue({ code: 'custom', path: ['openingHours', 'holidays', holidays.lastIndexOf(holidayTwice)], message: `duplicate holiday ${holidayTwice}` });
  });

export type CentreConfig = z.infer<typeof centreConfigSchema>;
export type ServiceConfig = z.infer<typeof serviceSchema>;
export type CounterConfig = z.infer<typeof counterSchema>;
export type DeviceConfig = z.infer<typeof deviceSchema>;
export type CallPolicy = z.infer<typeof callPolicySchema>;
export type RatingConfig = z.infer<typeof ratingSchema>;
export type VoiceConfig = z.infer<typeof voiceSchema>;
export type RepeatingHoliday = z.infer<typeof repeatingHolidaySchema>;
export type OutcomeConfig = z.infer<typeof outcomeSchema>;
export type PhoneNumbersConfig = z.infer<typeof phoneNumbersSchema>;
export type AppointmentsConfig = z.infer<typeof appointmentsSchema>;
export type AppointmentFieldConfig = z.infer<typeof appointmentFieldSchema>;

/** Minutes since midnight of a clock time "HH:MM". */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** What is printed and called for number n of a field: "1005", or "A025" with a prefix
 *  (zero-padded to the width of the block's last number, as centres print them). */
export function ticketLabel(service: Pick<ServiceConfig, 'prefix' | 'numberEnd'>, n: number): string {
  if (!service.prefix) return String(n);
  return service.prefix + String(n).padStart(String(service.numberEnd).length, '0');
}

// The server answers a refused configuration with zod's issues: a path and an English
// message (zod's own, or the schema's short notes). Managers read them in Vietnamese.
import { validationTexts as v } from '../texts';

type Rule = [RegExp, (m: RegExpExecArray) => string];

const RULES: Rule[] = [
  [/expected string to have >=1 characters/, () => v.required],
  [/expected string to have >=(\d+) characters/, (m) => v.minChars(m[1])],
  [/expected string to have <=(\d+) characters/, (m) => v.maxChars(m[1])],
  [/expected array to have >=(\d+) items?/, (m) => v.minItems(m[1])],
  [/expected array to have <=(\d+) items?/, (m) => v.maxItems(m[1])],
  [/expected number to be >(\d+(?:\.\d+)?)$/, (m) => v.greaterThan(vn(m[1]))],
  [/expected number to be >=(\d+(?:\.\d+)?)$/, (m) => v.atLeast(vn(m[1]))],
  [/expected number to be <(\d+(?:\.\d+)?)$/, (m) => v.lessThan(vn(m[1]))],
  [/expected number to be <=(\d+(?:\.\d+)?)$/, (m) => v.atMost(vn(m[1]))],
  [/expected int, received/, () => v.needInteger],
  [/expected number, received/, () => v.needNumber],
  [/expected string, received/, () => v.needText],
  [/^Invalid option/, () => v.invalidChoice],
  [/^id: a-z/, () => v.id],
  [/^time: HH:MM/, () => v.time],
  [/^date: YYYY-MM-DD/, () => v.date],
  [/^opening interval must end after it starts/, () => v.intervalOrder],
  [/^numberEnd must be ≥ numberStart/, () => v.numberOrder],
  [/^duplicate field id (.+)$/, (m) => v.duplicateField(m[1])],
  [/^duplicate counter id (.+)$/, (m) => v.duplicateCounter(m[1])],
  [/^duplicate device id (.+)$/, (m) => v.duplicateDevice(m[1])],
  [/^unknown field (.+)$/, (m) => v.unknownField(m[1])],
  [/^number blocks of (\S+) and (\S+) overlap/, (m) => v.overlap(m[1], m[2])],
  [/^(\S+) needs an existing counter/, (m) => v.deviceNeedsCounter(m[1])],
  [/^duplicate rating score/, () => v.duplicateScore],
  [/^date: no such day/, () => v.noSuchDay],
  [/^unknown time zone/, () => v.unknownTimeZone],
  [/^prefix: no digits/, () => v.prefixDigits],
  [/^second location: an absolute path/, () => v.absolutePath],
  [/^second location is inside the data folder/, () => v.insideDataFolder],
  [/^duplicate priority category id (.+)$/, (m) => v.duplicatePriority(m[1])],
  [/^unknown priority category (.+)$/, (m) => v.unknownPriority(m[1])],
  [/^priority category (\S+) listed twice/, (m) => v.priorityTwice(m[1])],
  [/^field (\S+) listed twice/, (m) => v.fieldTwice(m[1])],
  [/^(\S+) is not a central display/, (m) => v.notCentralDisplay(m[1])],
  [/^a level asks for a reason but there are no reasons/, () => v.reasonsNeeded],
  [/^duplicate reason (.+)$/, (m) => v.duplicateReason(m[1])],
  [/^opening intervals overlap/, () => v.shiftsOverlap],
  [/^opening hours enforced but no day has any/, () => v.noOpeningHours],
  [/^duplicate holiday (.+)$/, (m) => v.duplicateHoliday(m[1])],
  [/^field (\S+) still has (\d+) tickets today/, (m) => v.fieldStillWaiting(m[1], m[2])],
  [/^counter (\d+) is open/, (m) => v.counterOpen(m[1])],
  [/^slot intervals overlap/, () => v.slotsOverlap],
  [/^a slot interval is shorter than one slot/, () => v.slotTooShort],
  [/^slot interval must end after it starts/, () => v.intervalOrder],
  [/^appointment slots of (\S+) listed twice/, (m) => v.appointmentFieldTwice(m[1])],
  [/^Invalid input/, () => v.invalid],
];

/** "1.5" → "1,5": decimals as Vietnamese readers write them. */
const vn = (n: string) => n.replace('.', ',');

/** A message from the server in Vietnamese; one that is not recognised as English is kept as is. */
export function vietnameseMessage(message: string): string {
  for (const [pattern, text] of RULES) {
    const m = pattern.exec(message);
    if (m) return text(m);
  }
  return message;
}

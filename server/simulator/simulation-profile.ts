// What a ward centre's day looks like, from DOMAIN.md and the centres' own reports:
// which fields citizens come for, how long each takes, when they arrive.

/** Share of visits per field id; the three busiest are đất đai, hộ tịch, chứng thực. */
export const FIELD_SHARES: Record<string, number> = {
  'chung-thuc': 0.22,
  'dat-dai': 0.21,
  'ho-tich': 0.2,
  'cong-an': 0.06,
  'kinh-doanh': 0.06,
  'bao-tro-xa-hoi': 0.06,
  'xay-dung': 0.05,
  'tu-phap': 0.04,
  bhxh: 0.04,
  'vpdk-dat-dai': 0.03,
  thue: 0.02,
  'quan-su': 0.01,
};
/** A field the profile does not know. */
export const OTHER_FIELD_SHARE = 0.03;

/** Median minutes at the counter per field; times spread lognormally around it. */
export const SERVICE_MINUTES: Record<string, number> = {
  'chung-thuc': 4,
  'dat-dai': 12,
  'ho-tich': 8,
  'cong-an': 6,
  'kinh-doanh': 10,
  'bao-tro-xa-hoi': 9,
  'xay-dung': 15,
  'tu-phap': 7,
  bhxh: 7,
  'vpdk-dat-dai': 12,
  thue: 8,
  'quan-su': 5,
};
export const OTHER_SERVICE_MINUTES = 8;
export const SERVICE_SIGMA = 0.5;

/** Arrival weight per half hour (key: minute of day the half hour starts). 8:30–9:30 is ~3× the day's average. */
export const HALF_HOUR_WEIGHTS: Record<number, number> = {
  450: 1.0, // 07:30
  480: 2.4,
  510: 4.0,
  540: 4.0,
  570: 2.4,
  600: 1.4,
  630: 0.9,
  660: 0.5, // 11:00
  810: 0.5, // 13:30
  840: 0.9,
  870: 0.9,
  900: 0.7,
  930: 0.6,
  960: 0.4,
  990: 0.3, // 16:30
};
export const OTHER_HALF_HOUR_WEIGHT = 0.7;

export const RATES = {
  priority: 0.08,
  /** Of calls: nobody comes to the desk. */
  noShow: 0.05,
  /** Of calls: the citizen is sent to another field… */
  transfer: 0.04,
  /** …and of those, to a named colleague's counter. */
  transferToCounter: 0.4,
  rated: 0.7,
};

/** Chance of each rating level, best level first; the worst level gets `worst`, the best the rest. */
export const RATING_SHARES = { worst: 0.04, middle: 0.21 };

/** Days vary; Mondays are busier. */
export const DAY_NOISE = 0.15;
export const MONDAY_FACTOR = 1.15;

export const LUNCH_PAUSE_REASON = 'Nghỉ trưa';
/** After closing time, counters still serve those who took a number, for at most this long. */
export const OVERTIME_MINUTES = 60;

/** What finished visits were for, by outcome id: a ward's quarter had 1,463 dossiers received
 *  in person for 7,433 visits (DOMAIN.md), about one visit in five. */
export const OUTCOME_SHARES: Record<string, number> = {
  'tiep-nhan': 0.24,
  'tra-ket-qua': 0.22,
  'huong-dan': 0.28,
  'bo-sung': 0.1,
  'nop-truc-tuyen': 0.08,
  khac: 0.03,
};
/** An outcome the profile does not know (a centre's own list). */
export const OTHER_OUTCOME_SHARE = 0.05;
/** Officers who press plain "Hoàn thành" ("chưa phân loại"). */
export const UNCLASSIFIED_SHARE = 0.05;

/** Chance that a finish with this outcome carries dossier codes. */
export const DOSSIER_CODE_CHANCE: Record<string, number> = { 'tiep-nhan': 0.9, 'bo-sung': 0.9, 'tra-ket-qua': 0.8 };
/** Weights of 1, 2 and 3 codes at one finish. */
export const DOSSIER_CODE_COUNTS = [0.85, 0.12, 0.03];

/** Of citizens marked absent: put back at the end of the line, or (of the rest) back later
 *  to be called by their number. */
export const ABSENCE_SHARES = { requeue: 0.3, comesBack: 0.4 };

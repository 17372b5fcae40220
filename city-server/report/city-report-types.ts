// The city's report as its API returns it: a centre's report figures (protocol/reports.ts)
// that add up across centres: visits as the centre counts them, service time and ratings as
// its report by field has them; one line per centre, per field across the city, and per
// field of each centre.
import type { RatingFigures, TimeFigures, VisitFigures } from '@protocol/reports';

export interface CityFigures {
  /** Visits by the field they ended in. */
  visits: VisitFigures;
  /** Call → end of the services given in the field that finished or passed the citizen on. */
  serviceTime: TimeFigures;
  /** Ratings of the visits finished in the field. */
  ratings: RatingFigures;
}

export interface CityRow extends CityFigures {
  key: string;
  name: string;
}

export interface CityCentreFieldRow extends CityRow {
  centreId: string;
  centreName: string;
}

export interface CityReport {
  from: string;
  to: string;
  generatedAt: number;
  /** Centre-days in the range the city holds facts for. */
  daysWithData: number;
  totals: CityFigures;
  /** key = the centre's id. A centre's line equals that centre's own report totals. */
  byCentre: CityRow[];
  /** key = the field's id, summed over every centre that has it. */
  byField: CityRow[];
  /** A centre's lines equal that centre's own report by field. */
  byCentreField: CityCentreFieldRow[];
}

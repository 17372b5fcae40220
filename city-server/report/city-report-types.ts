// The city's report as its API returns it: the centre's report figures (server/reports/
// report-types.ts), one line per centre, per field across the city, and per field of each centre.
import type { BreakdownRow, Figures } from '@protocol/reports';

export interface CityCentreFieldRow extends BreakdownRow {
  centreId: string;
  centreName: string;
}

export interface CityReport {
  from: string;
  to: string;
  generatedAt: number;
  /** Centre-days in the range the city holds facts for. */
  daysWithData: number;
  totals: Figures;
  /** key = the centre's id. A centre's line equals that centre's own report totals. */
  byCentre: BreakdownRow[];
  /** key = the field's id, summed over every centre that has it. */
  byField: BreakdownRow[];
  /** A centre's lines equal that centre's own report by field. */
  byCentreField: CityCentreFieldRow[];
}

/**
 * What the monthly report says (issue 15), as plain data: the stats service fills it from the
 * database, and the renderers (monthly-report-pdf.ts, monthly-report-xlsx.ts) turn it into files
 * without reading anything else. Figure definitions: docs/statistics.md; the files:
 * docs/monthly-report-files.md.
 */

/** A time figure over `cases` cases; null when there is nothing to measure. */
export interface Figure {
  cases: number;
  medianWorkingDays: number | null;
  p90WorkingDays: number | null;
  medianDays: number | null;
  p90Days: number | null;
}

export interface CountRow {
  key: string;
  label: string;
  received: number;
  resolved: number;
}

export interface MonthlyReportCaseRow {
  registrationNumber: string;
  agency: string;
  caseType: string;
  category: string | null;
  channel: string | null;
  receivedAt: Date;
  /** The status's label in Indonesian. */
  status: string;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  resolveWorkingDays: number | null;
  /** null: the case type has no service standard, or the case is still open. */
  withinStandard: boolean | null;
  /** e.g. "03/10 diterima; 06/10 diverifikasi; 14/10 dijawab" (no report text, no identity). */
  followUp: string;
}

export interface MonthlyReportContent {
  scope: { kind: 'agency' | 'province'; name: string; provinceName: string | null };
  year: number;
  /** 1..12 */
  month: number;
  /** e.g. 'Asia/Pontianak': every date in the report is shown in it. */
  timeZone: string;
  version: number;
  generatedAt: Date;
  totals: {
    received: number;
    resolved: number;
    transferred: number;
    rejected: number;
    openAtMonthEnd: number;
    overdueAtMonthEnd: number;
    escalated: number;
    answeredWithinStandard: number;
    answeredWithStandard: number;
  };
  firstResponse: Figure;
  resolution: Figure;
  byCaseType: CountRow[];
  byCategory: CountRow[];
  byChannel: CountRow[];
  byStatus: { key: string; label: string; count: number }[];
  /** Province reports only. */
  perAgency:
    | {
        name: string;
        received: number;
        resolved: number;
        answeredWithinStandard: number;
        answeredWithStandard: number;
        overdueAtMonthEnd: number;
        escalated: number;
      }[]
    | null;
  dailyIntake: { day: number; received: number }[];
  cases: MonthlyReportCaseRow[];
}

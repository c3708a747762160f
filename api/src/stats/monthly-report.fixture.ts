/**
 * Test data for the monthly report's renderers (tests only): an agency's October 2026 in
 * Asia/Pontianak, with `caseCount` generated case rows.
 */
import type { MonthlyReportCaseRow, MonthlyReportContent } from './monthly-report-content.ts';

export function buildCaseRows(count: number, timeZoneOffsetHours = 7): MonthlyReportCaseRow[] {
  const statuses = ['Diterima', 'Diverifikasi', 'Ditindaklanjuti', 'Selesai'];
  return Array.from({ length: count }, (_, index) => {
    const day = (index % 31) + 1;
    const receivedAt = new Date(Date.UTC(2026, 9, day, 9 - timeZoneOffsetHours, index % 60));
    const resolved = index % 4 === 3;
    return {
      registrationNumber: `ADU-2026-10-${String(index + 1).padStart(5, '0')}`,
      agency: 'Dinas Kependudukan dan Pencatatan Sipil',
      caseType: index % 2 === 0 ? 'Pelayanan Administrasi Kependudukan' : 'Infrastruktur',
      category: index % 3 === 0 ? null : 'Pelayanan publik',
      channel: index % 5 === 0 ? null : 'Situs web',
      receivedAt,
      status: statuses[index % statuses.length] ?? 'Diterima',
      firstResponseAt: index % 2 === 0 ? new Date(receivedAt.getTime() + 26 * 3600_000) : null,
      resolvedAt: resolved ? new Date(receivedAt.getTime() + 5 * 86400_000) : null,
      resolveWorkingDays: resolved ? 3 : null,
      withinStandard: resolved ? index % 8 === 3 : null,
      followUp: `${String(day).padStart(2, '0')}/10 diterima; ${String(Math.min(31, day + 2)).padStart(2, '0')}/10 diverifikasi`,
    };
  });
}

export function buildMonthlyReport(overrides: Partial<MonthlyReportContent> = {}, caseCount = 3): MonthlyReportContent {
  return {
    scope: { kind: 'agency', name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Pontianak', provinceName: 'Kalimantan Barat' },
    year: 2026,
    month: 10,
    timeZone: 'Asia/Pontianak',
    version: 2,
    generatedAt: new Date('2026-11-01T01:30:00Z'),
    totals: {
      received: 1234,
      resolved: 987,
      transferred: 12,
      rejected: 34,
      openAtMonthEnd: 201,
      overdueAtMonthEnd: 17,
      escalated: 6,
      answeredWithinStandard: 812,
      answeredWithStandard: 950,
    },
    firstResponse: { cases: 1100, medianWorkingDays: 1, p90WorkingDays: 3.5, medianDays: 1.5, p90Days: 5 },
    resolution: { cases: 987, medianWorkingDays: 7, p90WorkingDays: 14, medianDays: 9.5, p90Days: null },
    byCaseType: [
      { key: 'adminduk', label: 'Pelayanan Administrasi Kependudukan dan Pencatatan Sipil', received: 800, resolved: 700 },
      { key: 'infra', label: 'Infrastruktur', received: 434, resolved: 287 },
    ],
    byCategory: [
      { key: 'layanan', label: 'Pelayanan publik', received: 1000, resolved: 900 },
      { key: 'pungli', label: 'Pungutan liar', received: 234, resolved: 87 },
    ],
    byChannel: [
      { key: 'web', label: 'Situs web', received: 1100, resolved: 900 },
      { key: 'wa', label: 'WhatsApp', received: 134, resolved: 87 },
    ],
    byStatus: [
      { key: 'OPEN', label: 'Ditindaklanjuti', count: 201 },
      { key: 'RESOLVED', label: 'Selesai', count: 987 },
    ],
    perAgency: null,
    dailyIntake: Array.from({ length: 31 }, (_, index) => ({ day: index + 1, received: 30 + ((index * 7) % 20) })),
    cases: buildCaseRows(caseCount),
    ...overrides,
  };
}

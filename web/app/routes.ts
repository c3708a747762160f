/**
 * Routes by surface. The directory is the platform's home; the portal is an agency's public
 * page, at `/t/<slug>/` or at `/` on the agency's own host name (the home route decides).
 * The reporter's pages (file, track, account) live under `/t/<slug>/` on every host, so
 * the session cookie can be scoped to that path.
 */
import { index, route, type RouteConfig } from '@remix-run/route-config';

export default [
  index('routes/directory/home.tsx'),
  route('t/:slug', 'routes/portal/tenant-portal.tsx'),
  route('t/:slug/lapor', 'routes/portal/report-case-types.tsx'),
  route('t/:slug/lapor/:caseTypeKey', 'routes/portal/report-form.tsx'),
  route('t/:slug/unggah/:caseTypeKey', 'routes/portal/evidence-upload.ts'),
  route('t/:slug/unduh/:caseTypeKey/:key', 'routes/portal/case-type-download.ts'),
  route('t/:slug/lacak', 'routes/portal/track-report.tsx'),
  route('t/:slug/statistik', 'routes/portal/public-statistics.tsx'),
  route('t/:slug/statistik.csv', 'routes/portal/public-statistics-csv.ts'),
  route('t/:slug/akun/daftar', 'routes/portal/account-register.tsx'),
  route('t/:slug/akun/masuk', 'routes/portal/account-sign-in.tsx'),
  route('t/:slug/akun/keluar', 'routes/portal/account-sign-out.ts'),
  route('t/:slug/akun/laporan', 'routes/portal/account-reports.tsx'),
  route('t/:slug/email/berhenti', 'routes/portal/stop-report-email.tsx'),
  // The staff console: an agency's under its slug (the session cookie is scoped to it), the
  // provincial secretariat's on the platform. One module serves both; the slug tells them apart.
  // The console's own address leads to the inbox one step inside it (see consoleInboxPath).
  route('t/:slug/konsol', 'routes/console/home.ts', { id: 'console/agency-home' }),
  route('t/:slug/konsol/kotak-masuk', 'routes/console/inbox.tsx', { id: 'console/agency-inbox' }),
  route('t/:slug/konsol/masuk', 'routes/console/sign-in.tsx', { id: 'console/agency-sign-in' }),
  route('t/:slug/konsol/keluar', 'routes/console/sign-out.ts', { id: 'console/agency-sign-out' }),
  route('t/:slug/konsol/kasus/:id', 'routes/console/case.tsx', { id: 'console/agency-case' }),
  route('t/:slug/konsol/kasus/:id/tanda-terima', 'routes/console/intake-receipt.tsx', { id: 'console/agency-intake-receipt' }),
  route('t/:slug/konsol/catat', 'routes/console/intake.tsx', { id: 'console/agency-intake' }),
  route('t/:slug/konsol/bukti/:id', 'routes/console/evidence.ts', { id: 'console/agency-evidence' }),
  route('t/:slug/konsol/kustodian', 'routes/console/custodian.tsx', { id: 'console/agency-custodian' }),
  route('t/:slug/konsol/petugas', 'routes/console/staff-admin.tsx', { id: 'console/agency-staff' }),
  route('t/:slug/konsol/notifikasi', 'routes/console/notifications.tsx', { id: 'console/agency-notifications' }),
  route('t/:slug/konsol/audit', 'routes/console/audit.tsx', { id: 'console/agency-audit' }),
  route('t/:slug/konsol/email', 'routes/console/mail.tsx', { id: 'console/agency-mail' }),
  route('t/:slug/konsol/angka', 'routes/console/figures.tsx', { id: 'console/agency-figures' }),
  route('t/:slug/konsol/laporan-bulanan', 'routes/console/monthly-reports.tsx', { id: 'console/agency-reports' }),
  route('t/:slug/konsol/laporan-bulanan/:id/:format', 'routes/console/monthly-report-file.ts', { id: 'console/agency-report-file' }),
  route('konsol/sekretariat', 'routes/console/home.ts', { id: 'console/secretariat-home' }),
  route('konsol/sekretariat/kotak-masuk', 'routes/console/inbox.tsx', { id: 'console/secretariat-inbox' }),
  route('konsol/sekretariat/masuk', 'routes/console/sign-in.tsx', { id: 'console/secretariat-sign-in' }),
  route('konsol/sekretariat/keluar', 'routes/console/sign-out.ts', { id: 'console/secretariat-sign-out' }),
  route('konsol/sekretariat/kasus/:id', 'routes/console/case.tsx', { id: 'console/secretariat-case' }),
  route('konsol/sekretariat/bukti/:agency/:id', 'routes/console/evidence.ts', { id: 'console/secretariat-evidence' }),
  route('konsol/sekretariat/notifikasi', 'routes/console/notifications.tsx', { id: 'console/secretariat-notifications' }),
  route('konsol/sekretariat/audit', 'routes/console/audit.tsx', { id: 'console/secretariat-audit' }),
  route('konsol/sekretariat/keputusan', 'routes/console/decisions.tsx', { id: 'console/secretariat-decisions' }),
  route('konsol/sekretariat/angka', 'routes/console/figures.tsx', { id: 'console/secretariat-figures' }),
  route('konsol/sekretariat/laporan-bulanan', 'routes/console/monthly-reports.tsx', { id: 'console/secretariat-reports' }),
  route('konsol/sekretariat/laporan-bulanan/:id/:format', 'routes/console/monthly-report-file.ts', { id: 'console/secretariat-report-file' }),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;

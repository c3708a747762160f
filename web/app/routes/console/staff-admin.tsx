/**
 * `/t/<slug>/konsol/petugas`: the tenant admin's staff accounts: each with its roles and
 * whether it is active (change roles, deactivate, reactivate), and a form to add one.
 * Only for TENANT_ADMIN; others get the 404 page.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { ConsolePage, FlashMessage } from '../../console/console-page';
import { describeFlash } from '../../console/flash';
import { AGENCY_ROLES, NEW_STAFF, rolesId, type StaffActionData } from '../../console/staff-admin-data';
import type { StaffAccount } from '../../graphql/console-types';
import { StaffAccountsDocument } from '../../graphql/documents.server';
import { findMetaLocale, useTranslation } from '../../i18n/use-translation';
import { createTranslator } from '../../i18n/translate';
import { describedBy, ErrorSummary, FieldError, Hint, RequiredMark } from '../../reporting/form-controls';
import { formatDateTime } from '../../reporting/formats';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { findProblems, type FormProblem } from '../../reporting/report-form-data';
import { createReporterMeta } from '../../reporting/reporter-meta';
import { callConsole, getConsoleFrame, requireViewer, startConsoleAction, startConsolePage, takeFlash, toConsolePageError } from '../../server/console.server';
import { handleStaffAction } from '../../server/console-staff-admin.server';
import { createPageError } from '../../server/page-errors.server';

export const headers = reporterPageHeaders;

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args;
  const call = startConsolePage(args, { agencyOnly: true });
  try {
    const result = await callConsole(call, StaffAccountsDocument);
    const viewer = requireViewer(result.viewerStaff, request, call);
    if (!viewer.roles.includes('TENANT_ADMIN')) throw createPageError('PAGE_NOT_FOUND');
    const frame = await getConsoleFrame(call, viewer.provinceId);
    const headers = new Headers();
    const flash = describeFlash(takeFlash(request, call, headers), createTranslator(call.locale));
    const accounts = [...result.staffAccounts].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'id'));
    return data({ frame, themeStyle: frame.themeStyle ?? undefined, viewer, accounts, flash }, { headers });
  } catch (error) {
    if (error instanceof Response) throw error;
    throw toConsolePageError(error, request, call);
  }
}

export async function action(args: ActionFunctionArgs) {
  return handleStaffAction(args.request, startConsoleAction(args, { agencyOnly: true }));
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => (data ? createReporterMeta(findMetaLocale(matches), data.frame.title || undefined, 'staffAdmin.title') : []);

function Problems({ problems }: { problems: FormProblem[] }) {
  const general = problems.filter((problem) => problem.field === null);
  if (general.length === 0) return null;
  return (
    <div className="problem" data-problem>
      {general.map((problem, index) => (
        <p key={index}>{problem.message}</p>
      ))}
    </div>
  );
}

function RoleChecks({ id, legend, chosen, problems, hint }: { id: string; legend: string; chosen: readonly string[]; problems: FormProblem[]; hint?: string }) {
  const { t } = useTranslation();
  const mine = findProblems(problems, id);
  return (
    <fieldset id={id} className={mine.length > 0 ? 'field invalid roles' : 'field roles'} aria-describedby={describedBy(id, { hint: Boolean(hint), problems: mine })}>
      <legend>
        {legend} <RequiredMark required />
      </legend>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      <FieldError id={id} problems={mine} />
      {AGENCY_ROLES.map((role) => (
        <label key={role} className="check">
          <input type="checkbox" name="roles" value={role} defaultChecked={chosen.includes(role)} /> {t(`staffRole.${role}`)}
        </label>
      ))}
    </fieldset>
  );
}

function AccountCard({ account, self, result }: { account: StaffAccount; self: boolean; result: StaffActionData | undefined }) {
  const { t, locale } = useTranslation();
  const { frame } = useLoaderData<typeof loader>();
  const mine = result?.staffUserId === account.id ? result.problems : [];
  return (
    <li className={account.active ? 'card account-card' : 'card account-card inactive'} data-account={account.email} data-active={String(account.active)}>
      <h3>
        {account.name}
        {self ? <span className="muted"> ({t('staffAdmin.you')})</span> : null}
      </h3>
      {account.title ? <p>{account.title}</p> : null}
      <p className="mono file-name">{account.email}</p>
      <p>
        <span className={account.active ? 'badge visible' : 'badge internal'}>{t(account.active ? 'staffAdmin.active' : 'staffAdmin.inactive')}</span>{' '}
        <span data-roles>{account.roles.map((role) => t(`staffRole.${role}`)).join(', ')}</span>
      </p>
      <p className="muted">{account.lastLoginAt ? t('staffAdmin.lastLogin', { date: formatDateTime(account.lastLoginAt, frame.timeZone, locale) }) : t('staffAdmin.never')}</p>
      <Problems problems={mine} />
      <details open={mine.length > 0 ? true : undefined}>
        <summary>{t('staffAdmin.change')}</summary>
        <div>
          <form method="post" className="sub-form">
            <input type="hidden" name="intent" value="roles" />
            <input type="hidden" name="staffUserId" value={account.id} />
            <RoleChecks id={rolesId(account.id)} legend={t('staffAdmin.rolesOf', { name: account.name })} chosen={account.roles} problems={mine} />
            <button type="submit" className="button secondary">
              {t('staffAdmin.saveRoles')}
            </button>
          </form>
          {self ? null : (
            <form method="post" className="sub-form">
              <input type="hidden" name="intent" value={account.active ? 'deactivate' : 'activate'} />
              <input type="hidden" name="staffUserId" value={account.id} />
              {account.active ? <p className="hint">{t('staffAdmin.deactivateHint')}</p> : null}
              <button type="submit" className="button secondary" data-action-submit={account.active ? 'deactivate' : 'activate'}>
                {t(account.active ? 'staffAdmin.deactivate' : 'staffAdmin.activate')}
              </button>
            </form>
          )}
        </div>
      </details>
    </li>
  );
}

function TextField({ id, name, label, type = 'text', required, problems, value, hint, autoComplete }: {
  id: string;
  name: string;
  label: string;
  type?: string;
  required: boolean;
  problems: FormProblem[];
  value?: string;
  hint?: string;
  autoComplete?: string;
}) {
  const mine = findProblems(problems, id);
  return (
    <div className={mine.length > 0 ? 'field invalid' : 'field'}>
      <label htmlFor={id}>
        {label} <RequiredMark required={required} />
      </label>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      <FieldError id={id} problems={mine} />
      <input
        type={type}
        id={id}
        name={name}
        required={required}
        defaultValue={value}
        autoComplete={autoComplete}
        maxLength={200}
        aria-invalid={mine.length > 0 ? true : undefined}
        aria-describedby={describedBy(id, { hint: Boolean(hint), problems: mine })}
      />
    </div>
  );
}

export default function StaffAdmin() {
  const { frame, viewer, accounts, flash } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const create = result?.intent === 'create' ? result : null;
  const problems = create?.problems ?? [];
  return (
    <ConsolePage frame={frame} viewer={viewer} page="console-staff">
      <FlashMessage text={flash} />
      <h1>{t('staffAdmin.title')}</h1>
      <p className="lead-text">{t('staffAdmin.intro', { agency: frame.title })}</p>
      <ErrorSummary problems={((result?.problems ?? []) as FormProblem[]).filter((problem) => problem.field !== null)} />
      <div className="admin-layout">
        <section aria-labelledby="akun-petugas" className="case-section">
          <h2 id="akun-petugas">{t('staffAdmin.accounts')}</h2>
          <ul className="card-list account-list" data-accounts>
            {accounts.map((account) => (
              <AccountCard key={account.id} account={account} self={account.id === viewer.id} result={result} />
            ))}
          </ul>
        </section>
        <section aria-labelledby="tambah-petugas" className="case-section">
          <h2 id="tambah-petugas">{t('staffAdmin.add')}</h2>
          <form method="post" className="action-block" data-action="create-staff">
            <input type="hidden" name="intent" value="create" />
            <Problems problems={problems} />
            <TextField id={NEW_STAFF.name} name="name" label={t('staffAdmin.name')} required problems={problems} value={create?.values.name} autoComplete="off" />
            <TextField id={NEW_STAFF.email} name="email" type="email" label={t('staffAdmin.email')} required problems={problems} value={create?.values.email} autoComplete="off" />
            <TextField id={NEW_STAFF.title} name="title" label={t('staffAdmin.jobTitle')} required={false} problems={problems} value={create?.values.title} autoComplete="off" />
            <RoleChecks id={NEW_STAFF.roles} legend={t('staffAdmin.roles')} chosen={create?.values.roles ?? []} problems={problems} />
            <TextField
              id={NEW_STAFF.password}
              name="password"
              type="password"
              label={t('staffAdmin.password')}
              hint={t('staffAdmin.passwordHint')}
              required
              problems={problems}
              autoComplete="new-password"
            />
            <button type="submit" className="button" data-action-submit="create-staff">
              {t('staffAdmin.submit')}
            </button>
          </form>
        </section>
      </div>
    </ConsolePage>
  );
}

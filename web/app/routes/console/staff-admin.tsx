/**
 * `/t/<slug>/konsol/petugas`: the agency's staff accounts, each with its roles, whether it is
 * active and its role changes waiting for a second person, and the proposals to confirm.
 * The tenant admin changes roles (custodian and head become proposals), deactivates,
 * reactivates and adds a member; the agency head reads and proposes appointing or removing a
 * custodian. Nobody's own account offers a role change. Other roles get the 404 page.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { ConsolePage, FlashMessage } from '../../console/console-page';
import { describeFlash } from '../../console/flash';
import { consoleStaffPath } from '../../console/console-paths';
import { NEW_STAFF, rolesId, type StaffActionData } from '../../console/staff-admin-data';
import type { RoleChangeProposal, StaffAccount, StaffViewer } from '../../graphql/results';
import { RoleProposalList, TrustProblem } from '../../console/proposal-lists';
import { handleTrustAction, isTrustIntent, type TrustActionData } from '../../server/console-trust.server';
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
    if (!viewer.roles.includes('TENANT_ADMIN') && !viewer.roles.includes('AGENCY_HEAD')) throw createPageError('PAGE_NOT_FOUND');
    const frame = await getConsoleFrame(call, viewer.provinceId);
    const headers = new Headers();
    const flash = describeFlash(takeFlash(request, call, headers), createTranslator(call.locale));
    const accounts = [...result.staffAccounts].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'id'));
    return data(
      { frame, themeStyle: frame.themeStyle ?? undefined, viewer, accounts, roles: result.agencyStaffRoles, proposals: result.roleChangeProposals, flash },
      { headers },
    );
  } catch (error) {
    if (error instanceof Response) throw error;
    throw toConsolePageError(error, request, call);
  }
}

export async function action(args: ActionFunctionArgs) {
  const call = startConsoleAction(args, { agencyOnly: true });
  const fields = await args.request.clone().formData();
  if (isTrustIntent(fields.get('intent'))) return handleTrustAction(args.request, call, fields, consoleStaffPath(call.scope.slug));
  return handleStaffAction(args.request, call);
}

type ActionResult = StaffActionData | TrustActionData | undefined;

function isTrustResult(result: ActionResult): result is TrustActionData {
  return Boolean(result && 'trust' in result);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? createReporterMeta(findMetaLocale(matches), data.frame.title || undefined, 'staffAdmin.title') : [];

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
  const { roles } = useLoaderData<typeof loader>();
  const mine = findProblems(problems, id);
  return (
    <fieldset
      id={id}
      className={mine.length > 0 ? 'field invalid roles' : 'field roles'}
      aria-describedby={describedBy(id, { hint: Boolean(hint), problems: mine })}
    >
      <legend>
        {legend} <RequiredMark required />
      </legend>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      <FieldError id={id} problems={mine} />
      {roles.map((role) => (
        <label key={role} className="check">
          <input type="checkbox" name="roles" value={role} defaultChecked={chosen.includes(role)} /> {t(`staffRole.${role}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** The head's proposal to appoint or remove a custodian (the admin ticks the role instead). */
function ProposeCustodian({ account }: { account: StaffAccount }) {
  const { t } = useTranslation();
  const role = 'IDENTITY_CUSTODIAN';
  const holds = account.roles.includes(role);
  if (account.pendingRoleChanges.some((change) => change.role === role)) return null;
  // The admin never holds the custodian role; a deactivated account is not appointed.
  if (!holds && (account.roles.includes('TENANT_ADMIN') || !account.active)) return null;
  const change = holds ? 'REVOKE' : 'GRANT';
  return (
    <form method="post" className="propose-form" data-propose={`${change}:${role}`}>
      <input type="hidden" name="intent" value="proposeRole" />
      <input type="hidden" name="staffUserId" value={account.id} />
      <input type="hidden" name="role" value={role} />
      <input type="hidden" name="change" value={change} />
      <p className="hint">{t('trust.proposeHint')}</p>
      <button type="submit" className="button secondary">
        {t(`trust.propose.${change}`, { role: t(`staffRole.${role}`) })}
        <span className="visually-hidden"> ({account.name})</span>
      </button>
    </form>
  );
}

function PendingChanges({ account }: { account: StaffAccount }) {
  const { t } = useTranslation();
  if (account.pendingRoleChanges.length === 0) return null;
  return (
    <ul className="pending-changes" data-pending-changes>
      {account.pendingRoleChanges.map((change) => (
        <li key={change.id} data-pending-change={`${change.change}:${change.role}`}>
          <span className="badge pending-mark">{t(`trust.pendingChange.${change.change}`, { role: t(`staffRole.${change.role}`) })}</span>
        </li>
      ))}
    </ul>
  );
}

function AccountCard({ account, self, result, viewer }: { account: StaffAccount; self: boolean; result: ActionResult; viewer: StaffViewer }) {
  const { t, locale } = useTranslation();
  const { frame } = useLoaderData<typeof loader>();
  const admin = viewer.roles.includes('TENANT_ADMIN');
  const head = viewer.roles.includes('AGENCY_HEAD');
  const mine = result && !isTrustResult(result) && result.staffUserId === account.id ? result.problems : [];
  const trustProblem = isTrustResult(result) && result.intent === 'proposeRole' && result.subject === account.id ? result.problem : null;
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
      <PendingChanges account={account} />
      <p className="muted">
        {account.lastLoginAt ? t('staffAdmin.lastLogin', { date: formatDateTime(account.lastLoginAt, frame.timeZone, locale) }) : t('staffAdmin.never')}
      </p>
      <Problems problems={mine} />
      <TrustProblem problem={trustProblem} />
      {self ? (
        <p className="note self-note" data-self-note>
          {t('trust.selfNoChange')}
        </p>
      ) : null}
      {!self && !admin && head ? <ProposeCustodian account={account} /> : null}
      {self || !admin ? null : (
        <details open={mine.length > 0 ? true : undefined}>
          <summary>{t('staffAdmin.change')}</summary>
          <div>
            <form method="post" className="sub-form">
              <input type="hidden" name="intent" value="roles" />
              <input type="hidden" name="staffUserId" value={account.id} />
              <RoleChecks
                id={rolesId(account.id)}
                legend={t('staffAdmin.rolesOf', { name: account.name })}
                chosen={account.roles}
                problems={mine}
                hint={t('trust.sensitiveHint')}
              />
              <button type="submit" className="button secondary">
                {t('staffAdmin.saveRoles')}
              </button>
            </form>
            <form method="post" className="sub-form">
              <input type="hidden" name="intent" value={account.active ? 'deactivate' : 'activate'} />
              <input type="hidden" name="staffUserId" value={account.id} />
              {account.active ? <p className="hint">{t('staffAdmin.deactivateHint')}</p> : null}
              <button type="submit" className="button secondary" data-action-submit={account.active ? 'deactivate' : 'activate'}>
                {t(account.active ? 'staffAdmin.deactivate' : 'staffAdmin.activate')}
              </button>
            </form>
          </div>
        </details>
      )}
    </li>
  );
}

function TextField({
  id,
  name,
  label,
  type = 'text',
  required,
  problems,
  value,
  hint,
  autoComplete,
}: {
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
  const { frame, viewer, accounts, proposals, flash } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const { t } = useTranslation();
  const admin = viewer.roles.includes('TENANT_ADMIN');
  const staffResult = result && !isTrustResult(result) ? result : undefined;
  const create = staffResult?.intent === 'create' ? staffResult : null;
  const problems = create?.problems ?? [];
  const names = new Map(accounts.map((account) => [account.id, account.name]));
  const decisionProblem = (proposalId: string) =>
    isTrustResult(result) && result.intent === 'decideRole' && result.subject === proposalId ? result.problem : null;
  const unplaced =
    isTrustResult(result) && !(result.subject && (names.has(result.subject) || proposals.some((proposal) => proposal.id === result.subject)))
      ? result.problem
      : null;
  return (
    <ConsolePage frame={frame} viewer={viewer} page="console-staff">
      <FlashMessage text={flash} />
      <h1>{t('staffAdmin.title')}</h1>
      <p className="lead-text">{admin ? t('staffAdmin.intro', { agency: frame.title }) : t('trust.headIntro', { agency: frame.title })}</p>
      <TrustProblem problem={unplaced} />
      <ErrorSummary problems={((staffResult?.problems ?? []) as FormProblem[]).filter((problem) => problem.field !== null)} />
      <section aria-labelledby="usulan-peran" className="case-section" data-section="role-proposals">
        <h2 id="usulan-peran">{t('trust.proposals')}</h2>
        <p className="hint">{t('trust.proposalsIntro')}</p>
        {proposals.length === 0 ? (
          <p data-no-proposals>{t('trust.proposalsEmpty')}</p>
        ) : (
          <RoleProposalList
            proposals={proposals as RoleChangeProposal[]}
            names={names}
            viewerId={viewer.id}
            timeZone={frame.timeZone}
            problemOf={decisionProblem}
          />
        )}
      </section>
      <div className={admin ? 'admin-layout' : undefined}>
        <section aria-labelledby="akun-petugas" className="case-section">
          <h2 id="akun-petugas">{t('staffAdmin.accounts')}</h2>
          <ul className="card-list account-list" data-accounts>
            {accounts.map((account) => (
              <AccountCard key={account.id} account={account} self={account.id === viewer.id} result={result} viewer={viewer} />
            ))}
          </ul>
        </section>
        {admin ? (
          <section aria-labelledby="tambah-petugas" className="case-section">
            <h2 id="tambah-petugas">{t('staffAdmin.add')}</h2>
            <form method="post" className="action-block" data-action="create-staff">
              <input type="hidden" name="intent" value="create" />
              <Problems problems={problems} />
              <TextField
                id={NEW_STAFF.name}
                name="name"
                label={t('staffAdmin.name')}
                required
                problems={problems}
                value={create?.values.name}
                autoComplete="off"
              />
              <TextField
                id={NEW_STAFF.email}
                name="email"
                type="email"
                label={t('staffAdmin.email')}
                required
                problems={problems}
                value={create?.values.email}
                autoComplete="off"
              />
              <TextField
                id={NEW_STAFF.title}
                name="title"
                label={t('staffAdmin.jobTitle')}
                required={false}
                problems={problems}
                value={create?.values.title}
                autoComplete="off"
              />
              <RoleChecks
                id={NEW_STAFF.roles}
                legend={t('staffAdmin.roles')}
                chosen={create?.values.roles ?? []}
                problems={problems}
                hint={t('trust.sensitiveHint')}
              />
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
        ) : null}
      </div>
    </ConsolePage>
  );
}

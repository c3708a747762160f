/**
 * The tenant admin's actions on staff accounts: add one (with roles and a first password),
 * change its roles, deactivate (the API ends its sessions) or reactivate it. A success
 * redirects back with a flash; a refusal shows each problem next to its control.
 */
import { data, redirect } from '@remix-run/node';
import { consoleBase, consoleStaffPath } from '../console/console-paths';
import { createFlash, type Flash } from '../console/flash';
import { NEW_STAFF, rolesId, STAFF_INTENTS, type StaffActionData, type StaffIntent } from '../console/staff-admin-data';
import { CreateStaffMemberDocument, UpdateStaffMemberDocument } from '../graphql/documents.server';
import { StaffRole } from '../graphql/generated/graphql';
import { isValueOf } from '../graphql/enum-values';
import { createTranslator } from '../i18n/translate';
import type { FormProblem } from '../reporting/report-form-data';
import { formatWait } from '../reporting/formats';
import { ApiError } from './api-client.server';
import { callConsole, createSignInRedirect, type AgencyConsoleCall } from './console.server';
import { createFlashCookie } from './staff-session.server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function text(fields: FormData, name: string, max = 300): string {
  const value = fields.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
}

function sameRoles(actual: readonly StaffRole[], wanted: readonly StaffRole[]): boolean {
  return actual.length === wanted.length && wanted.every((role) => actual.includes(role));
}

export async function handleStaffAction(request: Request, call: AgencyConsoleCall) {
  const t = createTranslator(call.locale);
  const fields = await request.formData();
  const intentValue = text(fields, 'intent');
  const intent = (STAFF_INTENTS as readonly string[]).includes(intentValue) ? (intentValue as StaffIntent) : null;
  const staffUserId = UUID.test(text(fields, 'staffUserId')) ? text(fields, 'staffUserId') : null;
  // Which roles an agency account may hold, and which may be held together, is the API's to say.
  const roles = fields.getAll('roles').filter((value) => isValueOf(StaffRole, value));
  const values = { name: text(fields, 'name'), email: text(fields, 'email'), title: text(fields, 'title'), roles };
  const refuse = (problems: FormProblem[], status = 400) => data<StaffActionData>({ intent, staffUserId, problems, values }, { status });
  const done = (flash: Flash) =>
    redirect(consoleStaffPath(call.scope.slug), {
      headers: { 'Set-Cookie': createFlashCookie(request, consoleBase(call.scope), createFlash(flash)), 'Cache-Control': 'no-store' },
    });
  const rolesControl = intent === 'create' ? NEW_STAFF.roles : rolesId(staffUserId ?? '');
  /** Which control an API issue names. */
  const controlOf = (name: string | number | undefined): { field: string | null; label: string } => {
    if (intent === 'create') {
      if (name === 'email') return { field: NEW_STAFF.email, label: t('staffAdmin.email') };
      if (name === 'name') return { field: NEW_STAFF.name, label: t('staffAdmin.name') };
      if (name === 'title') return { field: NEW_STAFF.title, label: t('staffAdmin.jobTitle') };
      if (name === 'password') return { field: NEW_STAFF.password, label: t('staffAdmin.password') };
    }
    if (name === 'roles' || typeof name === 'number') return { field: rolesControl, label: t('staffAdmin.roles') };
    return { field: null, label: '' };
  };

  try {
    switch (intent) {
      case 'create': {
        const problems: FormProblem[] = [];
        const password = text(fields, 'password', 1000);
        if (!values.name.trim()) problems.push({ field: NEW_STAFF.name, label: t('staffAdmin.name'), message: t('actionError.required') });
        if (!values.email.trim()) problems.push({ field: NEW_STAFF.email, label: t('staffAdmin.email'), message: t('actionError.required') });
        if (roles.length === 0) problems.push({ field: NEW_STAFF.roles, label: t('staffAdmin.roles'), message: t('staffAdmin.chooseRole') });
        if ([...password].length < 12) problems.push({ field: NEW_STAFF.password, label: t('staffAdmin.password'), message: t('staffAdmin.passwordShort') });
        if (problems.length > 0) return refuse(problems);
        const { createStaffMember } = await callConsole(call, CreateStaffMemberDocument, {
          input: { email: values.email.trim(), name: values.name.trim(), title: values.title.trim() || null, roles, password },
        });
        // Custodian and head are not given at once: they wait as proposals.
        return done(sameRoles(createStaffMember.roles, roles) ? 'staffCreated' : 'staffProposed');
      }
      case 'roles': {
        if (!staffUserId) return refuse([{ field: null, label: '', message: t('actionError.unknown') }]);
        if (roles.length === 0) return refuse([{ field: rolesControl, label: t('staffAdmin.roles'), message: t('staffAdmin.chooseRole') }]);
        const { updateStaffMember } = await callConsole(call, UpdateStaffMemberDocument, { input: { staffUserId, roles } });
        return done(sameRoles(updateStaffMember.roles, roles) ? 'staffRoles' : 'staffProposed');
      }
      case 'deactivate':
      case 'activate': {
        if (!staffUserId) return refuse([{ field: null, label: '', message: t('actionError.unknown') }]);
        await callConsole(call, UpdateStaffMemberDocument, { input: { staffUserId, active: intent === 'activate' } });
        return done(intent === 'activate' ? 'staffActivated' : 'staffDeactivated');
      }
      default:
        return refuse([{ field: null, label: '', message: t('actionError.unknown') }]);
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'UNAUTHENTICATED') return createSignInRedirect(request, call, 'ended');
    if (error.code === 'BAD_USER_INPUT' && error.issues.length > 0) {
      // The API's words are English: a role clash is said in the page's language.
      return refuse(
        error.issues.map((issue) => {
          const control = controlOf(issue.path[issue.path.length - 1]);
          if (control.field !== rolesControl) return { ...control, message: issue.message };
          return {
            ...control,
            message: t(roles.includes('TENANT_ADMIN') || roles.includes('IDENTITY_CUSTODIAN') ? 'trustError.incompatible' : 'trustError.roles'),
          };
        }),
      );
    }
    if (error.code === 'RATE_LIMITED')
      return refuse([{ field: null, label: '', message: t('actionError.rateLimited', { wait: formatWait(error.retryAfterSeconds ?? 60, t) }) }], 429);
    if (error.code === 'FORBIDDEN') return refuse([{ field: null, label: '', message: t('trustError.forbidden') }], 403);
    if (error.code === 'CONFLICT' || error.code === 'BAD_USER_INPUT' || error.code === 'NOT_FOUND') {
      const control = intent === 'create' && error.code === 'CONFLICT' ? { field: NEW_STAFF.email, label: t('staffAdmin.email') } : { field: null, label: '' };
      return refuse([{ ...control, message: error.apiMessage ?? t('actionError.unknown') }], error.code === 'CONFLICT' ? 409 : 400);
    }
    console.warn(`[web] ${error.message}`);
    return refuse([{ field: null, label: '', message: t('actionError.unavailable') }], 503);
  }
}

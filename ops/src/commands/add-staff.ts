/**
 * `pnpm ops add-staff`: how a production deployment gets its first people. The operator adds an
 * agency's first admin and head (`--tenant`), or a province's secretariat (`--province`); the
 * account's password is generated and printed once. Identity custodians are never added here:
 * the agency's admin and head appoint them together in the console (two people).
 */
import { randomBytes } from 'node:crypto';
import { createStaffUser, emailKey } from '@aduan/api/auth/staff-auth.service.ts';
import { recordAudit } from '@aduan/api/audit/audit-log.service.ts';
import { findIncompatibleRoles } from '@aduan/api/admin/role-rules.ts';
import { AGENCY_STAFF_ROLES, type StaffRole } from '@aduan/api/auth/roles.ts';
import type { Database } from '@aduan/api/db.ts';

export interface AddStaffArguments {
  tenant?: string;
  province?: string;
  email: string;
  name: string;
  title?: string;
  roles: StaffRole[];
}

/** The `add-staff` step (a `Step` of index.ts, which lists it): what it reads of the command's options. */
export const addStaffStep = async (
  db: Database,
  { staff, actor, print }: { staff?: AddStaffArguments; actor: string; print: (line: string) => void },
): Promise<void> => {
  if (!staff) throw new Error('add-staff needs --email, --name, --role and one of --tenant or --province');
  if (Boolean(staff.tenant) === Boolean(staff.province)) throw new Error('give exactly one of --tenant <slug> or --province <slug>');
  const roles = [...new Set(staff.roles)];
  if (staff.tenant) {
    const outside = roles.filter((role) => !AGENCY_STAFF_ROLES.includes(role));
    if (outside.length > 0) throw new Error(`not an agency role: ${outside.join(', ')}`);
    if (roles.includes('IDENTITY_CUSTODIAN'))
      throw new Error('identity custodians are appointed in the console by the agency admin and head together, not by an operator');
    const clash = findIncompatibleRoles(roles);
    if (clash) throw new Error(`${clash[0]} and ${clash[1]} are never held by one person`);
  } else if (roles.length !== 1 || roles[0] !== 'PROVINCIAL_SECRETARIAT') {
    throw new Error('a province account has the role PROVINCIAL_SECRETARIAT only');
  }
  const tenant = staff.tenant ? await db.prisma.tenant.findUnique({ where: { slug: staff.tenant }, select: { id: true } }) : null;
  const province = staff.province ? await db.prisma.province.findUnique({ where: { slug: staff.province }, select: { id: true } }) : null;
  if (staff.tenant && !tenant) throw new Error(`no agency "${staff.tenant}" (run pnpm ops sync first)`);
  if (staff.province && !province) throw new Error(`no province "${staff.province}"`);
  if (await db.prisma.staffUser.findUnique({ where: { emailKey: emailKey(staff.email) }, select: { id: true } })) {
    throw new Error(`an account with the email ${staff.email} already exists`);
  }
  const password = randomBytes(15).toString('base64url');
  const created = await db.prisma.$transaction(async (tx) => {
    const user = await createStaffUser(tx, {
      tenantId: tenant?.id ?? null,
      provinceId: province?.id ?? null,
      email: staff.email,
      name: staff.name,
      title: staff.title ?? null,
      password,
      roles,
    });
    await recordAudit(tx, {
      tenantId: tenant?.id ?? null,
      provinceId: province?.id ?? null,
      actorId: null,
      actorLabel: actor,
      action: 'STAFF_CREATED',
      subjectStaffId: user.id,
      data: { roles },
    });
    return user;
  });
  print(`add-staff: ${created.email} created with ${roles.join(', ')}; password (shown once; hand it to its holder in person): ${password}`);
};

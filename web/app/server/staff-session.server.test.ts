import { describe, expect, it } from 'vitest';
import {
  createClearStaffSessionCookie,
  createFlashCookie,
  createReceiptCodeCookie,
  createStaffSessionCookie,
  findFlash,
  findReceiptCode,
  findStaffToken,
} from './staff-session.server';

const token = 'abcdefghijklmnopqrstuvwxyz_0123456789';

describe('staff session cookie', () => {
  it('is httpOnly, SameSite=Lax and scoped to the console path; Secure only on https', () => {
    const cookie = createStaffSessionCookie(
      new Request('http://localhost/t/a/konsol/masuk'),
      '/t/a/konsol',
      token,
      new Date(Date.now() + 3_600_000).toISOString(),
    );
    expect(cookie).toMatch(/^aduan_staf=abcdefghij/);
    expect(cookie).toContain('Path=/t/a/konsol; HttpOnly; SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    expect(createClearStaffSessionCookie(new Request('https://aduan.example/konsol/sekretariat'), '/konsol/sekretariat')).toContain(
      'Max-Age=0; Path=/konsol/sekretariat; HttpOnly; SameSite=Lax; Secure',
    );
  });

  it('reads only its own cookie, never the reporter one, and only token-shaped values', () => {
    expect(findStaffToken(new Request('http://x/', { headers: { Cookie: `aduan_pelapor=${token}` } }))).toBeNull();
    expect(findStaffToken(new Request('http://x/', { headers: { Cookie: `lang=en; aduan_staf=${token}` } }))).toBe(token);
    expect(findStaffToken(new Request('http://x/', { headers: { Cookie: 'aduan_staf=<script>' } }))).toBeNull();
  });

  it('carries only catalog names as flashes', () => {
    expect(findFlash(new Request('http://x/', { headers: { Cookie: 'aduan_staf_kabar=transition:NEEDS_INFO' } }))).toBe('transition:NEEDS_INFO');
    expect(findFlash(new Request('http://x/', { headers: { Cookie: 'aduan_staf_kabar=<b>hi</b>' } }))).toBeNull();
    expect(() => createFlashCookie(new Request('http://x/'), '/', 'free text')).toThrow();
  });

  it('carries an intake’s tracking code only to that case’s receipt, once', () => {
    const id = '0b6f1d2e-3c4a-4b5d-8e9f-a0b1c2d3e4f5';
    const cookie = createReceiptCodeCookie(new Request('http://x/'), `/t/a/konsol/kasus/${id}/tanda-terima`, id, 'ABCD-EFGH-JKMN');
    expect(cookie).toContain(`Path=/t/a/konsol/kasus/${id}/tanda-terima; HttpOnly; SameSite=Lax`);
    const value = cookie.split(';')[0]!;
    expect(findReceiptCode(new Request('http://x/', { headers: { Cookie: value } }), id)).toBe('ABCD-EFGH-JKMN');
    expect(findReceiptCode(new Request('http://x/', { headers: { Cookie: value } }), '1b6f1d2e-3c4a-4b5d-8e9f-a0b1c2d3e4f5')).toBeNull();
    expect(() => createReceiptCodeCookie(new Request('http://x/'), '/', id, 'a<b>')).toThrow();
  });
});

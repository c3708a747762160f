import { describe, expect, it } from 'vitest';
import { createClearSessionCookie, createSessionCookie, findSessionToken } from './reporter-session.server';

const TOKEN = 'a'.repeat(43);

describe('the session cookie', () => {
  it('is httpOnly, SameSite=Lax and scoped to the agency path; Secure on https', () => {
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    const http = createSessionCookie(new Request('http://localhost/t/inspektorat-bontang/akun/masuk'), 'inspektorat-bontang', TOKEN, expiresAt);
    expect(http).toMatch(new RegExp(`^aduan_pelapor=${TOKEN}; Max-Age=(3599|3600); Path=/t/inspektorat-bontang; HttpOnly; SameSite=Lax$`));
    const https = createSessionCookie(new Request('https://aduan.example/t/x/akun/masuk'), 'x', TOKEN, expiresAt);
    expect(https).toMatch(/; Secure$/);
    expect(createClearSessionCookie(new Request('http://localhost/'), 'x')).toBe('aduan_pelapor=; Max-Age=0; Path=/t/x; HttpOnly; SameSite=Lax');
  });

  it('is read back only when it looks like a token', () => {
    const request = (cookie: string) => new Request('http://localhost/', { headers: { Cookie: cookie } });
    expect(findSessionToken(request(`lang=en; aduan_pelapor=${TOKEN}`))).toBe(TOKEN);
    expect(findSessionToken(request('aduan_pelapor=<script>'))).toBeNull();
    expect(findSessionToken(request('lang=en'))).toBeNull();
  });
});

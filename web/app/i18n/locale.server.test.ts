import { describe, expect, it } from 'vitest';
import { createLocaleCookie, resolveLocale } from './locale.server';

const request = (url: string, cookie?: string) => new Request(url, { headers: cookie ? { Cookie: cookie } : {} });

describe('resolveLocale', () => {
  it('is Indonesian by default, whatever the browser prefers', () => {
    expect(resolveLocale(new Request('http://x/', { headers: { 'Accept-Language': 'en-US,en;q=0.9' } }))).toBe('id');
  });

  it('takes ?lang first, then the cookie', () => {
    expect(resolveLocale(request('http://x/?lang=en', 'lang=id'))).toBe('en');
    expect(resolveLocale(request('http://x/', 'a=b; lang=en'))).toBe('en');
    expect(resolveLocale(request('http://x/?lang=fr', 'lang=xx'))).toBe('id');
  });
});

describe('createLocaleCookie', () => {
  it('remembers a new choice for a year', () => {
    expect(createLocaleCookie(request('http://x/?lang=en'))).toMatch(/^lang=en; Path=\/; Max-Age=31536000; SameSite=Lax/);
  });

  it('says nothing when there is no new choice', () => {
    expect(createLocaleCookie(request('http://x/'))).toBeNull();
    expect(createLocaleCookie(request('http://x/?lang=en', 'lang=en'))).toBeNull();
  });
});

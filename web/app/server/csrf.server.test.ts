import { describe, expect, it } from 'vitest';
import { isSameOriginPost } from './csrf.server';

describe('isSameOriginPost', () => {
  const post = (headers: Record<string, string>) => new Request('http://aduan.example/t/x/lacak', { method: 'POST', headers });

  it('accepts a post from a page of the same host, by Origin or else Referer', () => {
    expect(isSameOriginPost(post({ Host: 'aduan.example', Origin: 'http://aduan.example' }))).toBe(true);
    expect(isSameOriginPost(post({ Host: 'aduan.example', Referer: 'http://aduan.example/t/x/lacak' }))).toBe(true);
    expect(isSameOriginPost(post({ 'X-Forwarded-Host': 'wbs.bontang.test', Origin: 'https://wbs.bontang.test' }))).toBe(true);
  });

  it('refuses a post from elsewhere, or from nowhere', () => {
    expect(isSameOriginPost(post({ Origin: 'https://evil.example' }))).toBe(false);
    expect(isSameOriginPost(post({ Origin: 'null' }))).toBe(false);
    expect(isSameOriginPost(post({ Referer: 'https://evil.example/aduan.example' }))).toBe(false);
    expect(isSameOriginPost(post({}))).toBe(false);
  });
});

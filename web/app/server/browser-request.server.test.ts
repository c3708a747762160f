import { describe, expect, it } from 'vitest';
import { findCookieValue, findSessionToken, isSameOriginSource, resolveRequestHost } from './browser-request.server';

const TOKEN = 'a'.repeat(40);

describe('findSessionToken', () => {
  it('reads the named cookie only, and only a token-shaped value', () => {
    expect(findSessionToken(`lang=en; aduan_pelapor=${TOKEN}`, 'aduan_pelapor')).toBe(TOKEN);
    expect(findSessionToken(`aduan_pelapor=${TOKEN}`, 'aduan_staf')).toBeNull();
    expect(findSessionToken('aduan_staf=<script>', 'aduan_staf')).toBeNull();
    expect(findSessionToken('aduan_staf=%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41', 'aduan_staf')).toBeNull();
    expect(findSessionToken(undefined, 'aduan_staf')).toBeNull();
  });

  it('skips a malformed cookie of the same name for a well-formed one', () => {
    expect(findSessionToken(`aduan_staf=bad; aduan_staf=${TOKEN}`, 'aduan_staf')).toBe(TOKEN);
  });

  it('reads other cookies by their own shape', () => {
    expect(findCookieValue('aduan_staf_kabar=signedIn', 'aduan_staf_kabar', /^[a-zA-Z]+$/)).toBe('signedIn');
    expect(findCookieValue('aduan_staf_kabar=a b', 'aduan_staf_kabar', /^[a-zA-Z]+$/)).toBeNull();
  });
});

describe('isSameOriginSource', () => {
  it('compares the Origin, or else the Referer, with the host the request was sent to', () => {
    expect(isSameOriginSource('http://aduan.example', null, 'aduan.example')).toBe(true);
    expect(isSameOriginSource(undefined, 'http://aduan.example:3000/t/x', 'aduan.example:3000')).toBe(true);
    expect(isSameOriginSource('http://evil.example', 'http://aduan.example/', 'aduan.example')).toBe(false);
    expect(isSameOriginSource('null', null, 'aduan.example')).toBe(false);
    expect(isSameOriginSource(null, null, 'aduan.example')).toBe(false);
    expect(isSameOriginSource('not a url', null, 'aduan.example')).toBe(false);
    expect(isSameOriginSource('http://aduan.example', null, '')).toBe(false);
  });
});

describe('resolveRequestHost', () => {
  it('takes the first forwarded host, else Host, lowercased', () => {
    expect(resolveRequestHost('WBS.Bontang.test, proxy.internal', 'localhost:3000')).toBe('wbs.bontang.test');
    expect(resolveRequestHost(undefined, 'Aduan.Example:3000')).toBe('aduan.example:3000');
    expect(resolveRequestHost(' ', 'aduan.example')).toBe('aduan.example');
  });
});

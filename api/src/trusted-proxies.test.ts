import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';
import { createTrustedProxies } from './trusted-proxies.ts';

function request(peer: string, forwardedFor?: string): http.IncomingMessage {
  return {
    socket: { remoteAddress: peer },
    connection: { remoteAddress: peer },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  } as unknown as http.IncomingMessage;
}

describe('TRUSTED_PROXIES', () => {
  it('defaults to nobody', () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual([]);
    const proxies = createTrustedProxies([]);
    expect(proxies.clientIpOf(request('127.0.0.1', '203.0.113.9'))).toBe('127.0.0.1');
    expect(proxies.isFromTrustedProxy(request('127.0.0.1'))).toBe(false);
  });

  it('takes addresses, CIDRs and the named ranges', () => {
    expect(parseEnv({ TRUSTED_PROXIES: 'loopback, 10.0.1.11,10.0.0.0/8,fd00::/8' }).TRUSTED_PROXIES).toEqual([
      'loopback',
      '10.0.1.11',
      '10.0.0.0/8',
      'fd00::/8',
    ]);
    for (const bad of ['everyone', '10.0.0.0/33', '300.1.1.1', 'true']) expect(() => parseEnv({ TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES/);
  });

  it('believes X-Forwarded-For only from a listed peer', () => {
    const proxies = createTrustedProxies(['10.0.1.11']);
    expect(proxies.clientIpOf(request('10.0.1.11', '203.0.113.9'))).toBe('203.0.113.9');
    expect(proxies.clientIpOf(request('10.0.1.12', '203.0.113.9'))).toBe('10.0.1.12');
    // A client cannot smuggle an address through a trusted proxy: the proxy appends the real one.
    expect(proxies.clientIpOf(request('10.0.1.11', '198.51.100.1, 203.0.113.9'))).toBe('203.0.113.9');
  });
});

/**
 * Which peers may speak for the client: only the configured proxies (TRUSTED_PROXIES, default
 * none) have their X-Forwarded-For and X-Forwarded-Host believed. Anyone else could otherwise
 * pick a new address per request and escape every per-address rate limit, or pick an agency by
 * host name. The HTTP server (express's `trust proxy`) and the live server share this rule.
 */
import type http from 'node:http';
import proxyAddr from 'proxy-addr';

export interface TrustedProxies {
  /** express's `trust proxy` setting: a function of the peer's address and its hop. */
  trust: (address: string, hop: number) => boolean;
  /** The client's address: the peer's, or what trusted proxies in front of it forwarded. */
  clientIpOf(request: http.IncomingMessage): string;
  /** True when the direct peer is a trusted proxy (its X-Forwarded-Host may be read). */
  isFromTrustedProxy(request: http.IncomingMessage): boolean;
}

export function createTrustedProxies(entries: readonly string[]): TrustedProxies {
  const trust = entries.length > 0 ? proxyAddr.compile([...entries]) : () => false;
  return {
    trust,
    clientIpOf: (request) => proxyAddr(request, trust) || 'unknown',
    isFromTrustedProxy: (request) => trust(request.socket.remoteAddress ?? '', 0),
  };
}

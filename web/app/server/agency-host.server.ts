/**
 * An agency may have its own host name (e.g. `pengaduan.example.go.id`). A request on any
 * host that is not one of the platform's own is offered to the API as such a name.
 */
import { env } from '../env.server';
import { resolveRequestHost } from './browser-request.server';

/** The host the browser asked for, with its port, as a reverse proxy forwards it. */
export function getRequestHost(request: Request): string {
  return resolveRequestHost(request.headers.get('X-Forwarded-Host'), new URL(request.url).host);
}

function stripPort(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
}

/** The host to look an agency up by, or null when the request is for the platform itself. */
export function findAgencyHost(request: Request): string | null {
  const host = getRequestHost(request);
  return env.PLATFORM_HOSTS.includes(stripPort(host)) ? null : host;
}

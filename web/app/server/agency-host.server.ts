/**
 * An agency may have its own host name (e.g. `pengaduan.example.go.id`). A request on any
 * host that is not one of the platform's own is offered to the API as such a name.
 */
import { env } from '../env.server';

/** The host the browser asked for, with its port, as a reverse proxy forwards it. */
export function getRequestHost(request: Request): string {
  const forwarded = request.headers.get('X-Forwarded-Host')?.split(',')[0]?.trim();
  return (forwarded || new URL(request.url).host).toLowerCase();
}

function stripPort(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
}

/** The host to look an agency up by, or null when the request is for the platform itself. */
export function findAgencyHost(request: Request): string | null {
  const host = getRequestHost(request);
  return env.PLATFORM_HOSTS.includes(stripPort(host)) ? null : host;
}

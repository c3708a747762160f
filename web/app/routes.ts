/**
 * Routes by surface. The directory is the platform's home; the portal is an agency's public
 * page, at `/t/<slug>/` or at `/` on the agency's own host name (the home route decides).
 */
import { index, route, type RouteConfig } from '@remix-run/route-config';

export default [
  index('routes/directory/home.tsx'),
  route('t/:slug', 'routes/portal/tenant-portal.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;

import type { PortalTenant, ReporterAccount } from '../graphql/results';
import type { ThemeStyle } from '../theme/theme';

export interface PortalData {
  tenant: PortalTenant;
  /** CSS custom properties for the root element, already checked for safety and contrast. */
  themeStyle: ThemeStyle;
  /** The platform directory, or null when the portal is served on the agency's own host. */
  directoryHref: string | null;
  /** The signed-in pseudonymous reporter (only on `/t/<slug>/`, where the session cookie is sent). */
  viewer?: ReporterAccount | null;
}

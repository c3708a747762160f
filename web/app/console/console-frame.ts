import type { ConsoleProvince, ConsoleTenant } from '../graphql/results';
import type { ThemeStyle } from '../theme/theme';
import type { ConsoleScope } from './console-paths';

/** What the console's banner shows: the agency, or the secretariat's province. */
export interface ConsoleFrame {
  scope: ConsoleScope;
  title: string;
  shortName: string;
  parent: string | null;
  logoText: string;
  /** The agency's time zone; the secretariat's rows carry their own. */
  timeZone: string;
  /** The agency's colours as CSS variables (root picks them up); null: the platform's. */
  themeStyle: ThemeStyle | null;
  portalHref: string;
  tenant: ConsoleTenant | null;
  province: ConsoleProvince | null;
}

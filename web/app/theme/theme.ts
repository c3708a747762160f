import { colorOr, contrastRatio, MIN_CONTRAST, readableOn } from './colors';

/** The platform's own colours, also the fallback for any unusable tenant colour. */
export const PLATFORM_THEME = {
  primaryColor: '#1e3a5f',
  primaryTextColor: '#ffffff',
  accentColor: '#0b5cad',
  backgroundColor: '#ffffff',
  textColor: '#1f2933',
} as const;

export interface ThemeColors {
  primaryColor: string;
  primaryTextColor: string;
  accentColor: string;
  backgroundColor: string;
  textColor: string;
}

export type ThemeStyle = Record<`--color-${string}`, string>;

/** The colours a tenant asked for, made safe and readable. */
export function createSafeTheme(theme: Partial<ThemeColors>): ThemeColors {
  const primaryColor = colorOr(theme.primaryColor, PLATFORM_THEME.primaryColor);
  const backgroundColor = colorOr(theme.backgroundColor, PLATFORM_THEME.backgroundColor);
  const textColor = readableOn(backgroundColor, theme.textColor);
  const accent = colorOr(theme.accentColor, PLATFORM_THEME.accentColor);
  return {
    primaryColor,
    primaryTextColor: readableOn(primaryColor, theme.primaryTextColor),
    backgroundColor,
    textColor,
    // Links use the accent: when it does not read on the background, use the text colour.
    accentColor: contrastRatio(accent, backgroundColor) >= MIN_CONTRAST ? accent : textColor,
  };
}

/** CSS custom properties for the root element's style attribute. */
export function createThemeStyle(theme: Partial<ThemeColors>): ThemeStyle {
  const safe = createSafeTheme(theme);
  return {
    '--color-primary': safe.primaryColor,
    '--color-primary-text': safe.primaryTextColor,
    '--color-accent': safe.accentColor,
    '--color-bg': safe.backgroundColor,
    '--color-text': safe.textColor,
  };
}

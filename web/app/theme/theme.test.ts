import { describe, expect, it } from 'vitest';
import { contrastRatio } from './colors';
import { createSafeTheme, createThemeStyle, PLATFORM_THEME } from './theme';

describe('createSafeTheme', () => {
  it('keeps a readable tenant theme as it is', () => {
    const theme = { primaryColor: '#14532d', primaryTextColor: '#ffffff', accentColor: '#a16207', backgroundColor: '#ffffff', textColor: '#1f2933' };
    expect(createSafeTheme(theme)).toEqual(theme);
  });

  it('replaces a text colour that does not read on the primary colour', () => {
    const safe = createSafeTheme({ ...PLATFORM_THEME, primaryColor: '#fde047', primaryTextColor: '#ffffff' });
    expect(safe.primaryTextColor).toBe('#000000');
    expect(contrastRatio(safe.primaryTextColor, safe.primaryColor)).toBeGreaterThanOrEqual(4.5);
  });

  it('never lets anything but a hex colour into the style attribute', () => {
    const style = createThemeStyle({ primaryColor: 'red;background:url(//evil)', textColor: 'expression(1)' });
    for (const value of Object.values(style)) expect(value).toMatch(/^#[0-9a-f]{3,6}$/i);
    expect(style['--color-primary']).toBe(PLATFORM_THEME.primaryColor);
  });

  it('falls back to the text colour for an accent that is too light for links', () => {
    expect(createSafeTheme({ ...PLATFORM_THEME, accentColor: '#fef08a' }).accentColor).toBe(PLATFORM_THEME.textColor);
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#fff')).toBeCloseTo(1, 5);
  });
});

/**
 * Theme colours come from tenant configuration, which tenant admins edit. Before any of
 * them reaches a style attribute it must be a plain hex colour, and text colours must stay
 * readable (WCAG AA, 4.5:1) on their background; otherwise a safe colour is used instead.
 */
const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
export const MIN_CONTRAST = 4.5;

export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOR.test(value);
}

function channels(hex: string): [number, number, number] {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((digit) => digit + digit).join('') : hex.slice(1);
  return [0, 2, 4].map((start) => parseInt(digits.slice(start, start + 2), 16)) as [number, number, number];
}

function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(foreground: string, background: string): number {
  const [lighter, darker] = [relativeLuminance(foreground), relativeLuminance(background)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** The given text colour if it is readable on the background, else black or white, whichever reads better. */
export function readableOn(background: string, preferred: string | undefined): string {
  if (isHexColor(preferred) && contrastRatio(preferred, background) >= MIN_CONTRAST) return preferred;
  return contrastRatio('#000000', background) >= contrastRatio('#ffffff', background) ? '#000000' : '#ffffff';
}

export function colorOr(value: unknown, fallback: string): string {
  return isHexColor(value) ? value : fallback;
}

import type { CSSProperties } from 'react';

/** An agency's text logo; decorative, since its name always stands beside it. */
export function Monogram({ text, background, color }: { text: string; background?: string; color?: string }) {
  const style: CSSProperties | undefined = background && color ? { background, color } : undefined;
  return (
    <span className="monogram" aria-hidden="true" style={style}>
      {text}
    </span>
  );
}

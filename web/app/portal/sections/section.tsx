import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { PORTAL_SECTIONS, type PortalSectionId } from '../portal-sections';

/** One titled part of the portal (h2), reachable from the in-page navigation. */
export function Section({ id, children }: { id: PortalSectionId; children: ReactNode }) {
  const { t } = useTranslation();
  const section = PORTAL_SECTIONS.find((candidate) => candidate.id === id)!;
  return (
    <section id={id} className="portal-section">
      <h2>{t(section.title)}</h2>
      {children}
    </section>
  );
}

/** A label and its value inside a `<dl>`; nothing when there is no value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === false) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function TextList({ items, ordered = false }: { items: readonly string[]; ordered?: boolean }) {
  if (items.length === 0) return null;
  const List = ordered ? 'ol' : 'ul';
  return (
    <List>
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </List>
  );
}

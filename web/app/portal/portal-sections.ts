import type { MessageKey } from '../i18n/translate';

/** The portal's sections, in page order; their ids are stable hooks for links and tests. */
export const PORTAL_SECTIONS = [
  { id: 'jenis-laporan', title: 'section.caseTypes' },
  { id: 'standar-pelayanan', title: 'section.serviceStandards' },
  { id: 'kanal', title: 'section.channels' },
  { id: 'faq', title: 'section.faq' },
  { id: 'kontak', title: 'section.contact' },
] as const satisfies readonly { id: string; title: MessageKey }[];

export type PortalSectionId = (typeof PORTAL_SECTIONS)[number]['id'];

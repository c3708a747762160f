/**
 * Turns a contact as an agency wrote it into a link, when it safely can. Values come from
 * tenant configuration: only http(s), mailto, tel, sms and WhatsApp links are ever made,
 * so a `javascript:` value stays plain text.
 */
import type { ChannelKind, ContactKind } from '../graphql/generated/graphql';

const EMAIL = /^[\w.%+-]+@[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,}$/i;
const PHONE = /^\+?[\d\s().-]{3,}$/;

export function findWebHref(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Digits of an Indonesian number in international form: `(0561) 760280` → `62561760280`. */
function internationalDigits(value: string): string | null {
  if (!PHONE.test(value.trim())) return null;
  const digits = value.replace(/\D/g, '');
  if (value.trim().startsWith('+')) return digits;
  if (digits.startsWith('0')) return `62${digits.slice(1)}`;
  return digits;
}

type LinkKind = ContactKind | ChannelKind;

export function findContactHref(kind: LinkKind, value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  switch (kind) {
    case 'EMAIL':
      return EMAIL.test(trimmed) ? `mailto:${trimmed}` : null;
    case 'WEBSITE':
    case 'WEB_PORTAL':
    case 'SP4N_LAPOR':
    case 'SOCIAL_MEDIA':
    case 'MOBILE_APP':
      return findWebHref(trimmed);
    case 'PHONE':
    case 'CALL_CENTER': {
      // Short service numbers (e.g. 1708) are dialled as written.
      if (/^\d{3,5}$/.test(trimmed)) return `tel:${trimmed}`;
      const digits = internationalDigits(trimmed);
      return digits ? `tel:+${digits}` : null;
    }
    case 'SMS': {
      if (/^\d{3,5}$/.test(trimmed)) return `sms:${trimmed}`;
      const digits = internationalDigits(trimmed);
      return digits ? `sms:+${digits}` : null;
    }
    case 'WHATSAPP': {
      const digits = internationalDigits(trimmed);
      return digits ? `https://wa.me/${digits}` : null;
    }
    default:
      return null;
  }
}

/** A web address as people read it: `https://www.lapor.go.id/` → `www.lapor.go.id`. */
export function formatWebAddress(href: string): string {
  return href.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

import { describe, expect, it } from 'vitest';
import { findContactHref, findWebHref } from './contact-links';

describe('findContactHref', () => {
  it('links Indonesian phone numbers in international form', () => {
    expect(findContactHref('PHONE', '(0561) 760280')).toBe('tel:+62561760280');
    expect(findContactHref('CALL_CENTER', '0821-4953-0899')).toBe('tel:+6282149530899');
    expect(findContactHref('PHONE', '1708')).toBe('tel:1708');
  });

  it('leaves numbers it cannot read as plain text', () => {
    expect(findContactHref('PHONE', '(0561) 736541/738428')).toBeNull();
    expect(findContactHref('PHONE', '(+62561) 736541 ext. 445')).toBeNull();
    expect(findContactHref('FAX', '(0561) 760281')).toBeNull();
  });

  it('links e-mail, SMS and WhatsApp', () => {
    expect(findContactHref('EMAIL', 'whistleblower@kalbarprov.go.id')).toBe('mailto:whistleblower@kalbarprov.go.id');
    expect(findContactHref('SMS', '1708')).toBe('sms:1708');
    expect(findContactHref('WHATSAPP', '0823-4858-2192')).toBe('https://wa.me/6282348582192');
  });

  it('never makes a link from a script URL', () => {
    expect(findWebHref('javascript:alert(1)')).toBeNull();
    expect(findContactHref('WEBSITE', 'javascript:alert(1)')).toBeNull();
    expect(findContactHref('EMAIL', 'javascript:alert(1)//@x.y')).toBeNull();
    expect(findContactHref('WEBSITE', 'https://www.lapor.go.id/')).toBe('https://www.lapor.go.id/');
  });
});

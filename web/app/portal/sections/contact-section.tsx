import type { PortalContact, PortalTenant } from '../../graphql/results';
import { useTranslation } from '../../i18n/use-translation';
import { findContactHref, findWebHref, formatWebAddress } from '../contact-links';
import { Fact, Section } from './section';

function ContactValue({ contact }: { contact: PortalContact }) {
  const href = findContactHref(contact.kind, contact.value);
  if (!href) return <>{contact.value}</>;
  return <a href={href}>{contact.kind === 'WEBSITE' ? formatWebAddress(href) : contact.value}</a>;
}

export function ContactSection({ tenant }: { tenant: Pick<PortalTenant, 'name' | 'address' | 'website' | 'contacts'> }) {
  const { t } = useTranslation();
  const website = findWebHref(tenant.website);
  // The address and website are shown on their own; contacts repeating them would say them twice.
  const contacts = tenant.contacts.filter(
    (contact) => !(contact.kind === 'ADDRESS' && contact.value === tenant.address) && !(contact.kind === 'WEBSITE' && contact.value === tenant.website),
  );
  return (
    <Section id="kontak">
      <dl className="facts">
        <Fact label={t('contact.address')}>
          <address>
            {tenant.name}
            <br />
            {tenant.address}
          </address>
        </Fact>
        {website ? (
          <Fact label={t('contact.website')}>
            <a href={website}>{formatWebAddress(website)}</a>
          </Fact>
        ) : null}
      </dl>
      {contacts.length > 0 ? (
        <>
          <h3>{t('contact.list')}</h3>
          <dl className="facts contacts">
            {contacts.map((contact, index) => (
              <Fact key={index} label={contact.label ?? t(`contactKind.${contact.kind}`)}>
                <ContactValue contact={contact} />
              </Fact>
            ))}
          </dl>
        </>
      ) : null}
    </Section>
  );
}

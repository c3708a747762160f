import type { PortalChannel } from '../../graphql/results';
import { joinList } from '../../i18n/translate';
import { useTranslation } from '../../i18n/use-translation';
import { findContactHref, findWebHref, formatWebAddress } from '../contact-links';
import { Section } from './section';

function ChannelItem({ channel, caseTypeNames }: { channel: PortalChannel; caseTypeNames: ReadonlyMap<string, string> }) {
  const { locale, t } = useTranslation();
  const contactHref = findContactHref(channel.kind, channel.contact);
  const url = findWebHref(channel.url);
  const kindLabel = t(`channelKind.${channel.kind}`);
  const forNames = channel.caseTypeKeys.map((key) => caseTypeNames.get(key)).filter((name): name is string => Boolean(name));
  return (
    <li>
      <p>
        <strong>{channel.name}</strong>
        {kindLabel.toLowerCase() === channel.name.toLowerCase() ? null : (
          <>
            {' '}
            <span className="badge">{kindLabel}</span>
          </>
        )}
      </p>
      {channel.contact ? <p>{contactHref ? <a href={contactHref}>{channel.contact}</a> : channel.contact}</p> : null}
      {url ? (
        <p>
          <a href={url}>{formatWebAddress(url)}</a>
        </p>
      ) : null}
      {channel.note ? <p>{channel.note}</p> : null}
      <p className="muted">{forNames.length > 0 ? t('channel.for', { caseTypes: joinList(forNames, locale) }) : t('channel.forAll')}</p>
    </li>
  );
}

export function ChannelsSection({ channels, caseTypeNames }: { channels: readonly PortalChannel[]; caseTypeNames: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  return (
    <Section id="kanal">
      <p>{t('channels.intro')}</p>
      {channels.length === 0 ? (
        <p>{t('portal.empty')}</p>
      ) : (
        <ul className="channel-list">
          {channels.map((channel) => (
            <ChannelItem key={channel.key} channel={channel} caseTypeNames={caseTypeNames} />
          ))}
        </ul>
      )}
    </Section>
  );
}

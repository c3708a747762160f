import type { PortalServiceStandard } from '../../graphql/results';
import { joinList } from '../../i18n/translate';
import { useTranslation } from '../../i18n/use-translation';
import { Fact, Section, TextList } from './section';

function completionText(standard: PortalServiceStandard, workingDays: (days: number) => string): string | null {
  if (standard.completionTime) return standard.completionTime;
  return standard.completionWorkingDays ? workingDays(standard.completionWorkingDays) : null;
}

function ServiceStandardCard({ standard, caseTypeNames }: { standard: PortalServiceStandard; caseTypeNames: ReadonlyMap<string, string> }) {
  const { locale, t } = useTranslation();
  const completion = completionText(standard, (days) => t('standard.workingDays', { days }));
  const appliesTo = standard.caseTypeKeys.map((key) => caseTypeNames.get(key)).filter((name): name is string => Boolean(name));
  return (
    <article className="card" id={`standar-${standard.key}`}>
      <h3>{standard.name}</h3>
      {appliesTo.length > 0 ? <p className="muted">{t('standard.appliesTo', { caseTypes: joinList(appliesTo, locale) })}</p> : null}
      <dl className="facts">
        {standard.legalBasis ? <Fact label={t('standard.legalBasis')}>{standard.legalBasis}</Fact> : null}
        {standard.requirements.length > 0 ? (
          <Fact label={t('standard.requirements')}>
            <TextList items={standard.requirements} ordered />
          </Fact>
        ) : null}
        {standard.procedure.length > 0 ? (
          <Fact label={t('standard.procedure')}>
            <TextList items={standard.procedure} ordered />
          </Fact>
        ) : null}
        {completion ? <Fact label={t('standard.completionTime')}>{completion}</Fact> : null}
        {standard.fee ? <Fact label={t('standard.fee')}>{standard.fee}</Fact> : null}
        {standard.products.length > 0 ? (
          <Fact label={t('standard.products')}>
            <TextList items={standard.products} />
          </Fact>
        ) : null}
        {standard.complaintHandling.length > 0 ? (
          <Fact label={t('standard.complaintHandling')}>
            <TextList items={standard.complaintHandling} />
          </Fact>
        ) : null}
      </dl>
    </article>
  );
}

export function ServiceStandardsSection({
  serviceStandards,
  caseTypeNames,
}: {
  serviceStandards: readonly PortalServiceStandard[];
  caseTypeNames: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <Section id="standar-pelayanan">
      {serviceStandards.length === 0 ? <p>{t('portal.empty')}</p> : null}
      {serviceStandards.map((standard) => (
        <ServiceStandardCard key={standard.key} standard={standard} caseTypeNames={caseTypeNames} />
      ))}
    </Section>
  );
}

import { listInOrder } from '../../graphql/enum-values';
import type { CriterionElement } from '../../graphql/generated/graphql';
import type { PortalCaseType } from '../../graphql/results';
import { joinList } from '../../i18n/translate';
import { useTranslation } from '../../i18n/use-translation';
import { CaseTypeDownloadLinks } from '../../reporting/case-type-downloads';
import { Fact, Section, TextList } from './section';

const BYTES_PER_MEGABYTE = 1024 * 1024;
const CRITERION_ORDER: readonly CriterionElement[] = listInOrder<CriterionElement>({ WHAT: true, WHO: true, WHERE: true, WHEN: true, WHY: true, HOW: true });

function CaseTypeCard({ caseType, slug }: { caseType: PortalCaseType; slug: string }) {
  const { locale, t } = useTranslation();
  const { identity, evidence, slaPolicy } = caseType;
  const details = (list: typeof identity.identifiedRequires) =>
    joinList(
      list.map((detail) => t(`reporterDetail.${detail}`)),
      locale,
    );
  const evidenceParams = { files: evidence.maxFiles, megabytes: Math.round((evidence.maxFileBytes / BYTES_PER_MEGABYTE) * 10) / 10 };
  return (
    <article className="card" id={`jenis-${caseType.key}`}>
      <h3>{caseType.name}</h3>
      {caseType.description ? <p>{caseType.description}</p> : null}
      <dl className="facts">
        <Fact label={t('caseType.criteria')}>
          {t(`criteria.${caseType.criteria}`)}
          {caseType.criteriaElements.length > 0
            ? `: ${joinList(
                caseType.criteriaElements.map((element) => t(`criterion.${element}`)),
                locale,
              )}`
            : null}
        </Fact>
        <Fact label={t('caseType.identity')}>
          <p>
            {joinList(
              identity.allowed.map((mode) => t(`identityMode.${mode}`)),
              locale,
            )}
          </p>
          {identity.allowed.includes('IDENTIFIED') && identity.identifiedRequires.length > 0 ? (
            <p>{t('caseType.identifiedRequires', { details: details(identity.identifiedRequires) })}</p>
          ) : null}
          {identity.allowed.includes('PSEUDONYMOUS') && identity.pseudonymousRequires.length > 0 ? (
            <p>{t('caseType.pseudonymousRequires', { details: details(identity.pseudonymousRequires) })}</p>
          ) : null}
          {identity.pseudonymousNote ? <p>{identity.pseudonymousNote}</p> : null}
          {identity.note ? <p>{identity.note}</p> : null}
        </Fact>
        <Fact label={t('caseType.confidential')}>{t(identity.confidential ? 'caseType.confidentialYes' : 'caseType.confidentialNo')}</Fact>
        {caseType.requiredDocuments.length > 0 ? (
          <Fact label={t('caseType.requiredDocuments')}>
            <TextList items={caseType.requiredDocuments} />
          </Fact>
        ) : null}
        {caseType.downloads.length > 0 ? (
          <Fact label={t('downloads.title')}>
            <CaseTypeDownloadLinks slug={slug} caseTypeKey={caseType.key} downloads={caseType.downloads} />
          </Fact>
        ) : null}
        <Fact label={t('caseType.evidence')}>{t(evidence.required ? 'caseType.evidenceRequired' : 'caseType.evidenceOptional', evidenceParams)}</Fact>
        <Fact label={t('caseType.handlingUnit')}>{caseType.handlingUnit}</Fact>
        <Fact label={t('caseType.intake')}>{t(caseType.onlineIntake ? 'caseType.intakeOnline' : 'caseType.intakeOffline')}</Fact>
        {slaPolicy ? (
          <Fact label={t('caseType.sla')}>
            {slaPolicy.stages.length > 0 ? (
              <ol>
                {slaPolicy.stages.map((stage) => (
                  <li key={stage.key}>{t('caseType.slaStage', { stage: stage.name, days: stage.workingDays })}</li>
                ))}
              </ol>
            ) : null}
            {slaPolicy.escalationTarget ? <p>{t('caseType.escalation', { target: slaPolicy.escalationTarget })}</p> : null}
            {slaPolicy.silenceClosureWorkingDays ? <p>{t('caseType.silenceClosure', { days: slaPolicy.silenceClosureWorkingDays })}</p> : null}
          </Fact>
        ) : null}
      </dl>
      {caseType.onlineIntake ? (
        <p className="card-action">
          <a
            className="button"
            href={`/t/${slug}/lapor/${encodeURIComponent(caseType.key)}`}
            aria-label={t('caseType.reportAria', { caseType: caseType.name })}
          >
            {t('caseType.report')}
          </a>
        </p>
      ) : null}
    </article>
  );
}

/** The criteria elements used on this page, explained once rather than in every card. */
function CriteriaLegend({ caseTypes }: { caseTypes: readonly PortalCaseType[] }) {
  const { t } = useTranslation();
  const used = CRITERION_ORDER.filter((element) => caseTypes.some((caseType) => caseType.criteriaElements.includes(element)));
  if (used.length === 0) return null;
  return (
    <details className="legend">
      <summary>{t('criteria.legend')}</summary>
      <ul>
        {used.map((element) => (
          <li key={element}>
            <strong>{t(`criterion.${element}`)}</strong>: {t(`criterionHelp.${element}`)}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function CaseTypesSection({ caseTypes, slug }: { caseTypes: readonly PortalCaseType[]; slug: string }) {
  const { t } = useTranslation();
  return (
    <Section id="jenis-laporan">
      <p>{t('caseTypes.intro')}</p>
      {caseTypes.some((caseType) => caseType.onlineIntake) ? <p className="note">{t('caseTypes.online')}</p> : null}
      <CriteriaLegend caseTypes={caseTypes} />
      {caseTypes.length === 0 ? <p>{t('portal.empty')}</p> : null}
      {caseTypes.map((caseType) => (
        <CaseTypeCard key={caseType.key} caseType={caseType} slug={slug} />
      ))}
    </Section>
  );
}

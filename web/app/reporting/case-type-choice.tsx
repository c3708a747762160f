/** The case types a reporter can file online, each with its criteria and identity rules. */
import type { ReportingCaseType, ReportingTenant } from '../graphql/results';
import { joinList } from '../i18n/translate';
import { useTranslation } from '../i18n/use-translation';

function CaseTypeOption({ caseType, slug }: { caseType: ReportingCaseType; slug: string }) {
  const { locale, t } = useTranslation();
  const { identity, evidence } = caseType;
  return (
    <li className="card" id={`jenis-${caseType.key}`}>
      <h2>{caseType.name}</h2>
      {caseType.description ? <p>{caseType.description}</p> : null}
      <ul className="plain">
        {caseType.criteriaElements.length > 0 ? (
          <li>
            <span className="badge">{t(`criteria.${caseType.criteria}`)}</span>{' '}
            {t('choose.criteriaOf', {
              elements: joinList(
                caseType.criteriaElements.map((element) => t(`criterion.${element}`)),
                locale,
              ),
            })}
          </li>
        ) : null}
        <li>
          {t('choose.identityOf', {
            modes: joinList(
              identity.allowed.map((mode) => t(`identityMode.${mode}`)),
              locale,
            ),
          })}
        </li>
        {identity.confidential ? <li>{t('choose.sealed')}</li> : null}
        {evidence.maxFiles > 0 ? (
          <li>
            {t('caseType.evidence')}:{' '}
            {t(evidence.required ? 'caseType.evidenceRequired' : 'caseType.evidenceOptional', {
              files: evidence.maxFiles,
              megabytes: Math.round((evidence.maxFileBytes / (1024 * 1024)) * 10) / 10,
            })}
          </li>
        ) : null}
      </ul>
      <p className="card-action">
        <a className="button" href={`/t/${slug}/lapor/${encodeURIComponent(caseType.key)}`} aria-label={t('caseType.reportAria', { caseType: caseType.name })}>
          {t('caseType.report')}
        </a>
      </p>
    </li>
  );
}

export function CaseTypeChoice({ tenant }: { tenant: ReportingTenant }) {
  const { t } = useTranslation();
  const online = tenant.caseTypes.filter((caseType) => caseType.onlineIntake);
  const offline = tenant.caseTypes.filter((caseType) => !caseType.onlineIntake);
  return (
    <>
      <h1>{t('choose.title')}</h1>
      <p className="lead-text">{t('choose.intro')}</p>
      {online.length === 0 ? <p className="note">{t('choose.none')}</p> : null}
      <ul className="card-list">
        {online.map((caseType) => (
          <CaseTypeOption key={caseType.key} caseType={caseType} slug={tenant.slug} />
        ))}
      </ul>
      {offline.length > 0 ? (
        <section aria-labelledby="tidak-daring">
          <h2 id="tidak-daring">{t('choose.offline')}</h2>
          <p>{t('choose.offlineIntro')}</p>
          <ul>
            {offline.map((caseType) => (
              <li key={caseType.key}>{caseType.name}</li>
            ))}
          </ul>
          <p>
            <a href={`/t/${tenant.slug}/#kanal`}>{t('choose.toChannels')}</a>
          </p>
        </section>
      ) : null}
    </>
  );
}

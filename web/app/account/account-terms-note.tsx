/**
 * The registration page's account of what the account holds and what each report will ask,
 * per agency (see `account-terms.ts`): nothing here claims more than the case types say.
 */
import { joinList } from '../i18n/translate';
import { useTranslation } from '../i18n/use-translation';
import { DETAIL_FIELDS } from '../reporting/form-ids';
import type { AccountTerms } from './account-terms';

export function AccountTermsNote({ terms, agency }: { terms: AccountTerms; agency: string }) {
  const { locale, t } = useTranslation();
  const list = (items: readonly string[]) => joinList(items, locale);
  return (
    <section className="note" aria-labelledby="isi-akun" data-account-terms>
      <h2 id="isi-akun">{t('account.termsTitle')}</h2>
      <p>{t('account.termsAccount')}</p>
      <p>{t(terms.anonymous ? 'account.termsListedNotAnonymous' : 'account.termsListed')}</p>
      {terms.identifiedOnly.length > 0 ? (
        <>
          <h3>{t('account.termsIdentifiedTitle')}</h3>
          <ul>
            {terms.identifiedOnly.map((group) => (
              <li key={group.caseTypes.join('|')}>
                {t('account.termsIdentifiedOnly', { agency, caseTypes: list(group.caseTypes) })}{' '}
                {group.required.length > 0
                  ? t('account.termsIdentifiedAsks', { details: list(group.required.map((detail) => t(`form.detail.${DETAIL_FIELDS[detail]}`))) })
                  : t('account.termsIdentifiedAsksAny')}{' '}
                {t(group.sealed ? 'account.termsSealed' : 'account.termsVisible')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {terms.pseudonymous.length > 0 ? <p>{t('account.termsPseudonymous', { caseTypes: list(terms.pseudonymous) })}</p> : null}
    </section>
  );
}

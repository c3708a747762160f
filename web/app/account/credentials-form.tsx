/** The pseudonym and password form, for registering and for signing in. */
import { describedBy, ErrorSummary, FieldError, Hint, RequiredMark } from '../reporting/form-controls';
import { findProblems, type FormProblem } from '../reporting/report-form-data';
import { useTranslation } from '../i18n/use-translation';
import { PASSWORD_FIELD, PASSWORD_REPEAT_FIELD, PSEUDONYM_FIELD, RETURN_FIELD } from './credentials-data';

export function CredentialsForm({
  mode,
  pseudonym = '',
  problems = [],
  returnTo,
}: {
  mode: 'register' | 'login';
  pseudonym?: string;
  problems?: readonly FormProblem[];
  returnTo: string | null;
}) {
  const { t } = useTranslation();
  const register = mode === 'register';
  const pseudonymProblems = findProblems(problems, PSEUDONYM_FIELD);
  const passwordProblems = findProblems(problems, PASSWORD_FIELD);
  const repeatProblems = findProblems(problems, PASSWORD_REPEAT_FIELD);
  return (
    <>
      <ErrorSummary problems={problems} />
      <form method="post" className="credentials-form">
        {returnTo ? <input type="hidden" name={RETURN_FIELD} value={returnTo} /> : null}
        <div className={pseudonymProblems.length > 0 ? 'field invalid' : 'field'}>
          <label htmlFor={PSEUDONYM_FIELD}>
            {t('account.pseudonym')} <RequiredMark required />
          </label>
          {register ? <Hint id={PSEUDONYM_FIELD}>{t('account.pseudonymHelp')}</Hint> : null}
          <FieldError id={PSEUDONYM_FIELD} problems={pseudonymProblems} />
          <input
            id={PSEUDONYM_FIELD}
            name={PSEUDONYM_FIELD}
            type="text"
            required
            minLength={register ? 3 : undefined}
            maxLength={40}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            defaultValue={pseudonym}
            aria-describedby={describedBy(PSEUDONYM_FIELD, { hint: register, problems: pseudonymProblems })}
            aria-invalid={pseudonymProblems.length > 0 ? true : undefined}
          />
        </div>
        <div className={passwordProblems.length > 0 ? 'field invalid' : 'field'}>
          <label htmlFor={PASSWORD_FIELD}>
            {t('account.password')} <RequiredMark required />
          </label>
          {register ? <Hint id={PASSWORD_FIELD}>{t('account.passwordHelp')}</Hint> : null}
          <FieldError id={PASSWORD_FIELD} problems={passwordProblems} />
          <input
            id={PASSWORD_FIELD}
            name={PASSWORD_FIELD}
            type="password"
            required
            minLength={register ? 10 : undefined}
            maxLength={200}
            autoComplete={register ? 'new-password' : 'current-password'}
            aria-describedby={describedBy(PASSWORD_FIELD, { hint: register, problems: passwordProblems })}
            aria-invalid={passwordProblems.length > 0 ? true : undefined}
          />
        </div>
        {register ? (
          <div className={repeatProblems.length > 0 ? 'field invalid' : 'field'}>
            <label htmlFor={PASSWORD_REPEAT_FIELD}>
              {t('account.passwordRepeat')} <RequiredMark required />
            </label>
            <FieldError id={PASSWORD_REPEAT_FIELD} problems={repeatProblems} />
            <input
              id={PASSWORD_REPEAT_FIELD}
              name={PASSWORD_REPEAT_FIELD}
              type="password"
              required
              maxLength={200}
              autoComplete="new-password"
              aria-describedby={describedBy(PASSWORD_REPEAT_FIELD, { problems: repeatProblems })}
              aria-invalid={repeatProblems.length > 0 ? true : undefined}
            />
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button">
            {t(register ? 'account.registerSubmit' : 'account.signInSubmit')}
          </button>
        </div>
      </form>
    </>
  );
}

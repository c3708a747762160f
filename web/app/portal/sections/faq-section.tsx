import { useTranslation } from '../../i18n/use-translation';
import { Section } from './section';

export function FaqSection({ faqs }: { faqs: readonly { question: string; answer: string }[] }) {
  const { t } = useTranslation();
  return (
    <Section id="faq">
      {faqs.length === 0 ? <p>{t('portal.empty')}</p> : null}
      {faqs.map((faq, index) => (
        <details key={index}>
          <summary>{faq.question}</summary>
          <div className="answer">{faq.answer}</div>
        </details>
      ))}
    </Section>
  );
}

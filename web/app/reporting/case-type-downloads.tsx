/**
 * The files an agency offers with a case type (e.g. Kalbar's gratification reporting form),
 * on the case type's form and its card on the portal. Each link is this site's download
 * route (`routes/portal/case-type-download.ts`), which streams the file from the API.
 */
import type { CaseTypeFormFragment } from '../graphql/generated/graphql';
import { useTranslation } from '../i18n/use-translation';

export type CaseTypeDownload = CaseTypeFormFragment['downloads'][number];

export function caseTypeDownloadHref(slug: string, caseTypeKey: string, key: string): string {
  return `/t/${slug}/unduh/${encodeURIComponent(caseTypeKey)}/${encodeURIComponent(key)}`;
}

/** "PDF", "DOCX": what a reporter needs to know before opening it. */
function describeType(fileName: string): string {
  return fileName.slice(fileName.lastIndexOf('.') + 1).toUpperCase();
}

export function CaseTypeDownloadLinks({ slug, caseTypeKey, downloads }: { slug: string; caseTypeKey: string; downloads: readonly CaseTypeDownload[] }) {
  const { t } = useTranslation();
  return (
    <ul className="downloads">
      {downloads.map((download) => (
        <li key={download.key}>
          <a href={caseTypeDownloadHref(slug, caseTypeKey, download.key)} download={download.fileName} data-download={download.key}>
            {t('downloads.link', { title: download.title, type: describeType(download.fileName) })}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function CaseTypeDownloads({ slug, caseTypeKey, downloads }: { slug: string; caseTypeKey: string; downloads: readonly CaseTypeDownload[] }) {
  const { t } = useTranslation();
  if (downloads.length === 0) return null;
  return (
    <section className="downloads-box" aria-labelledby="bagian-unduhan">
      <h2 id="bagian-unduhan">{t('downloads.title')}</h2>
      <CaseTypeDownloadLinks slug={slug} caseTypeKey={caseTypeKey} downloads={downloads} />
    </section>
  );
}

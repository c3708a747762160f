import type { EvidenceFile } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { formatBytes } from './formats';

export function EvidenceList({ files, empty }: { files: readonly EvidenceFile[]; empty?: string }) {
  const { locale } = useTranslation();
  if (files.length === 0) return empty ? <p>{empty}</p> : null;
  return (
    <ul className="evidence-list">
      {files.map((file) => (
        <li key={file.id}>
          <span className="file-name">{file.fileName}</span> <span className="muted">({formatBytes(file.size, locale)})</span>
        </li>
      ))}
    </ul>
  );
}

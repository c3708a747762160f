/**
 * The evidence file input. Without a script it is a plain `multiple` file input whose files
 * travel with the form and are streamed on to the API by the action. With the page script,
 * each chosen file is uploaded at once (to this site's upload route, which streams it to
 * the API) with its own progress bar, and only the resulting evidence ids go with the form.
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { EVIDENCE_ACCEPT, EVIDENCE_TYPE_NAMES } from './evidence-types';
import { EVIDENCE_FIELD, EVIDENCE_ID_FIELD, EVIDENCE_REFUSED_FIELD, evidenceNameField, evidenceSizeField } from './form-ids';
import { describedBy, FieldError, hintId, RequiredMark } from './form-controls';
import { formatBytes } from './formats';
import type { FormProblem, KeptEvidence } from './report-form-data';
import { describeUploadProblem, findUploadProblem } from './upload-problems';

export interface EvidenceLimits {
  required: boolean;
  maxFiles: number;
  maxFileBytes: number;
}

interface Upload {
  key: number;
  fileName: string;
  state: 'uploading' | 'done' | 'failed';
  percent: number;
  evidenceId?: string;
  size?: number;
  message?: string;
}

interface UploadAnswer {
  evidenceId?: string;
  fileName?: string;
  size?: number;
  message?: string;
}

/** Sends one file as the raw request body; resolves with the HTTP status and JSON answer (0 when the network failed). */
function sendFile(href: string, file: File, onProgress: (fraction: number) => void): Promise<{ status: number; answer: UploadAnswer | null }> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', href);
    request.responseType = 'json';
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => resolve({ status: request.status, answer: (request.response as UploadAnswer | null) ?? null });
    request.onerror = () => resolve({ status: 0, answer: null });
    request.onabort = () => resolve({ status: 0, answer: null });
    request.send(file);
  });
}

/** An uploaded file's id, with its name and size for the form shown again after a refusal. */
function UploadedFields({ evidenceId, fileName, size }: { evidenceId: string; fileName: string; size: number }) {
  return (
    <>
      <input type="hidden" name={EVIDENCE_ID_FIELD} value={evidenceId} />
      <input type="hidden" name={evidenceNameField(evidenceId)} value={fileName} />
      <input type="hidden" name={evidenceSizeField(evidenceId)} value={size} />
    </>
  );
}

export function EvidenceInput({
  uploadHref,
  limits,
  problems,
  reattach,
  kept = [],
  label,
  neutralNames = false,
}: {
  uploadHref: string;
  limits: EvidenceLimits;
  problems: readonly FormProblem[];
  reattach: boolean;
  /** Files uploaded before a refused form: listed as done, and sent with the form again. */
  kept?: readonly KeptEvidence[];
  label: string;
  /** The case type is confidential: the API keeps no file names (bukti-1, bukti-2, …). */
  neutralNames?: boolean;
}) {
  const { locale, t } = useTranslation();
  const [enhanced, setEnhanced] = useState(false);
  const [uploads, setUploads] = useState<Upload[]>(() =>
    kept.map((file, index) => ({ key: -1 - index, fileName: file.fileName, state: 'done', percent: 100, evidenceId: file.evidenceId, size: file.size })),
  );
  const [waitNotice, setWaitNotice] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const nextKey = useRef(0);
  const busy = uploads.some((upload) => upload.state === 'uploading');
  const busyRef = useRef(busy);
  busyRef.current = busy;

  // Files chosen before the script ran are still in the input: upload them now, since the
  // input loses its name (and would no longer travel with the form).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, when the page script takes over; a later addFiles is the same upload.
  useEffect(() => {
    setEnhanced(true);
    const input = inputRef.current;
    if (input?.files && input.files.length > 0) {
      addFiles([...input.files]);
      input.value = '';
    }
    // Runs once, when the page script takes over.
  }, []);

  // A form sent while a file is still on its way would leave the file out.
  useEffect(() => {
    const form = inputRef.current?.form;
    if (!form) return;
    const onSubmit = (event: SubmitEvent) => {
      if (!busyRef.current) return;
      event.preventDefault();
      setWaitNotice(true);
    };
    form.addEventListener('submit', onSubmit);
    return () => form.removeEventListener('submit', onSubmit);
  }, []);

  useEffect(() => {
    if (!busy) setWaitNotice(false);
  }, [busy]);

  const update = (key: number, change: Partial<Upload>) =>
    setUploads((current) => current.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)));

  const start = async (file: File, key: number) => {
    const details = { fileName: file.name, maxFiles: limits.maxFiles, maxFileBytes: limits.maxFileBytes };
    if (file.size > limits.maxFileBytes) {
      update(key, { state: 'failed', message: describeUploadProblem('TOO_LARGE', details, t, locale) });
      return;
    }
    const { status, answer } = await sendFile(uploadHref, file, (fraction) => update(key, { percent: Math.min(99, Math.round(fraction * 100)) }));
    if (status === 201 && answer?.evidenceId) {
      update(key, { state: 'done', percent: 100, evidenceId: answer.evidenceId, size: answer.size ?? file.size, fileName: file.name });
    } else {
      update(key, { state: 'failed', message: answer?.message ?? describeUploadProblem(findUploadProblem(status), details, t, locale) });
    }
  };

  const activeCount = useRef(0);
  activeCount.current = uploads.filter((upload) => upload.state !== 'failed').length;

  function addFiles(files: File[]) {
    let active = activeCount.current;
    const added: [File, Upload][] = files.map((file) => {
      const upload: Upload = { key: nextKey.current++, fileName: file.name, state: 'uploading', percent: 0 };
      if (active >= limits.maxFiles) {
        upload.state = 'failed';
        upload.message = `${file.name}: ${describeUploadProblem('TOO_MANY', { fileName: file.name, ...limits }, t, locale)}`;
      } else {
        active++;
      }
      return [file, upload];
    });
    activeCount.current = active;
    setUploads((current) => [...current, ...added.map(([, upload]) => upload)]);
    for (const [file, upload] of added) if (upload.state === 'uploading') void start(file, upload.key);
  }

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    addFiles([...(event.target.files ?? [])]);
    event.target.value = '';
  };

  const remove = (key: number) => setUploads((current) => current.filter((upload) => upload.key !== key));

  const limitText = t('form.evidenceLimits', { files: limits.maxFiles, size: formatBytes(limits.maxFileBytes, locale), types: EVIDENCE_TYPE_NAMES });
  return (
    <div className={problems.length > 0 ? 'field invalid' : 'field'}>
      <label htmlFor={EVIDENCE_FIELD}>
        {label} <RequiredMark required={limits.required} />
      </label>
      <p className="hint" id={hintId(EVIDENCE_FIELD)}>
        {limits.required ? `${t('form.evidenceRequired')} ` : null}
        {limitText}
        {enhanced ? null : ` ${t('form.evidenceNoScript')}`}
      </p>
      <p className="hint" id={`${hintId(EVIDENCE_FIELD)}-cleaned`}>
        {t('form.evidenceCleaned')}
        {neutralNames ? ` ${t('form.evidenceNeutralNames')}` : null}
      </p>
      {reattach ? <p className="note">{t('form.reattach')}</p> : null}
      <FieldError id={EVIDENCE_FIELD} problems={problems} />
      <input
        ref={inputRef}
        type="file"
        id={EVIDENCE_FIELD}
        name={enhanced ? undefined : EVIDENCE_FIELD}
        multiple
        accept={EVIDENCE_ACCEPT}
        onChange={onChange}
        aria-describedby={`${describedBy(EVIDENCE_FIELD, { hint: true, problems })} ${hintId(EVIDENCE_FIELD)}-cleaned`}
        aria-invalid={problems.length > 0 ? true : undefined}
      />
      {enhanced && uploads.length > 0 ? (
        <ul className="uploads" aria-live="polite">
          {uploads.map((upload) => (
            <li key={upload.key} className={`upload ${upload.state}`} data-upload-state={upload.state}>
              <span className="upload-name">{upload.fileName}</span>
              {upload.state !== 'failed' ? (
                <progress max={100} value={upload.percent} aria-label={t('upload.progress', { fileName: upload.fileName })} />
              ) : null}
              <span className="upload-status">
                {upload.state === 'uploading'
                  ? t('upload.uploading', { percent: upload.percent })
                  : upload.state === 'done'
                    ? t('upload.done', { size: formatBytes(upload.size ?? 0, locale) })
                    : t('upload.failed', { message: upload.message ?? '' })}
              </span>
              {upload.state !== 'uploading' ? (
                <button type="button" className="link-button" onClick={() => remove(upload.key)}>
                  {t('upload.remove', { fileName: upload.fileName })}
                </button>
              ) : null}
              {upload.evidenceId ? <UploadedFields evidenceId={upload.evidenceId} fileName={upload.fileName} size={upload.size ?? 0} /> : null}
              {/* Said again by the action if the form is refused (upload-problems.ts). */}
              {upload.state === 'failed' && upload.message ? <input type="hidden" name={EVIDENCE_REFUSED_FIELD} value={upload.message} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {!enhanced && kept.length > 0 ? (
        // Without the script, each kept file is a checkbox: ticked, it goes with the form again.
        <fieldset className="kept-files-set">
          <legend className="hint">{t('form.keptFiles')}</legend>
          <ul className="kept-files">
            {kept.map((file) => (
              <li key={file.evidenceId} data-kept-file>
                <input type="checkbox" id={`kept-${file.evidenceId}`} name={EVIDENCE_ID_FIELD} value={file.evidenceId} defaultChecked />{' '}
                <label htmlFor={`kept-${file.evidenceId}`}>{t('form.keptFile', { fileName: file.fileName, size: formatBytes(file.size, locale) })}</label>
                <input type="hidden" name={evidenceNameField(file.evidenceId)} value={file.fileName} />
                <input type="hidden" name={evidenceSizeField(file.evidenceId)} value={file.size} />
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      {waitNotice ? (
        <p className="field-error" role="alert">
          {t('upload.wait')}
        </p>
      ) : null}
    </div>
  );
}

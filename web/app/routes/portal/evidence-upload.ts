/**
 * `POST /t/<slug>/unggah/<caseTypeKey>`: the page script's upload of one evidence file, the
 * raw bytes as the body and the file name in `X-File-Name`. The bytes are streamed on to
 * the API's one-time upload link as they arrive; the answer is JSON for the script.
 */
import type { ActionFunctionArgs } from '@remix-run/node';
import { ReportingTenantDocument } from '../../graphql/documents.server';
import { createTranslator } from '../../i18n/translate';
import { isSameOriginPost } from '../../server/csrf.server';
import { describeUploadOutcome, readChunks, uploadEvidence } from '../../server/evidence-upload.server';
import { callApi, createReporterCall } from '../../server/reporter.server';

const NO_STORE = { 'Cache-Control': 'no-store' };

function readFileName(request: Request): string {
  try {
    return decodeURIComponent(request.headers.get('X-File-Name') ?? '').trim();
  } catch {
    return '';
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const call = createReporterCall({ request, params, context });
  const t = createTranslator(call.locale);
  if (!isSameOriginPost(request)) {
    return Response.json({ error: 'FORBIDDEN', message: t('error.forbidden.body') }, { status: 403, headers: { ...NO_STORE, Connection: 'close' } });
  }
  const { tenant } = await callApi(call, ReportingTenantDocument);
  const caseType = tenant.caseTypes.find((candidate) => candidate.key === params.caseTypeKey);
  const fileName = readFileName(request);
  if (!caseType) {
    return Response.json({ error: 'NOT_FOUND', message: t('upload.error', { fileName }) }, { status: 404, headers: { ...NO_STORE, Connection: 'close' } });
  }
  const declared = Number(request.headers.get('Content-Length'));
  const outcome = await uploadEvidence(call, {
    caseTypeKey: caseType.key,
    fileName,
    chunks: readChunks(request.body),
    declaredSize: Number.isFinite(declared) && declared > 0 ? declared : null,
    leftover: 'leave',
  });
  if (outcome.ok) return Response.json(outcome.evidence, { status: 201, headers: NO_STORE });
  // The rest of a refused body is not read: the connection closes after the answer.
  return Response.json(
    { error: outcome.problem, message: describeUploadOutcome(outcome, caseType.evidence, call) },
    { status: outcome.status, headers: { ...NO_STORE, Connection: 'close' } },
  );
}

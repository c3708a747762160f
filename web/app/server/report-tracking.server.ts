/**
 * The track page's action: look a report up by number and code (or as its signed-in
 * owner), and send the reporter's messages with evidence. A wrong number and a wrong code
 * get the same neutral answer, as they do from the API.
 */
import { data } from '@remix-run/node';
import { z } from 'zod';
import { EscalateReportDocument, SendReporterMessageDocument, TrackReportDocument } from '../graphql/documents.server';
import type { ReportingTenant } from '../graphql/results';
import { createTranslator } from '../i18n/translate';
import { EVIDENCE_FIELD, EVIDENCE_ID_FIELD } from '../reporting/form-ids';
import type { FormProblem } from '../reporting/report-form-data';
import { INTENT_FIELD, REPLY_BODY_FIELD, TRACK_CODE_FIELD, TRACK_NUMBER_FIELD, type TrackActionData, type TrackView } from '../reporting/track-data';
import { ApiError } from './api-client.server';
import { describeUploadOutcome, isMultipart, readStreamedForm, type UploadOutcome } from './evidence-upload.server';
import { toPageError } from './page-errors.server';
import { createClearSessionCookie } from './reporter-session.server';
import { rateAnswer } from './satisfaction.server';
import { callApi, describeApiProblem, findProblemStatus, type ReporterCall } from './reporter.server';

const TrackFormSchema = z.object({
  intent: z.enum(['track', 'open', 'message', 'escalate', 'rate']),
  registrationNumber: z.string().trim().max(40),
  trackingCode: z.string().trim().max(100),
  body: z.string().max(20_000),
  evidenceIds: z.array(z.uuid()).max(50),
});

function text(fields: FormData, name: string): string {
  const value = fields.get(name);
  return typeof value === 'string' ? value : '';
}

function refuse(registrationNumber: string, problems: FormProblem[], status: number, headers?: HeadersInit) {
  return data<TrackActionData>({ outcome: 'refused', registrationNumber, problems }, { status, headers });
}

/** Turns a failed API call into the neutral "does not match" or a friendly problem. */
function refuseFor(error: unknown, registrationNumber: string, call: ReporterCall, request: Request) {
  const t = createTranslator(call.locale);
  if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')) {
    return refuse(registrationNumber, [{ field: null, label: '', message: t('track.notFound') }], 404);
  }
  const problem = describeApiProblem(error, call.locale);
  if (problem === null) throw toPageError(error);
  const headers = error instanceof ApiError && error.code === 'UNAUTHENTICATED' ? { 'Set-Cookie': createClearSessionCookie(request, call.slug) } : undefined;
  return refuse(registrationNumber, [{ field: null, label: '', message: problem }], findProblemStatus(error), headers);
}

export async function handleTrackAction(request: Request, call: ReporterCall, tenant: ReportingTenant) {
  const t = createTranslator(call.locale);
  let fields: FormData;
  let uploads: UploadOutcome[] = [];
  let tooLong = false;
  const limitsOf = (key: string) => tenant.caseTypes.find((caseType) => caseType.key === key)?.evidence ?? null;
  if (isMultipart(request)) {
    ({ fields, uploads, tooLong } = await readStreamedForm(request, call, { limits: limitsOf }));
  } else {
    fields = await request.formData();
  }
  const parsed = TrackFormSchema.safeParse({
    intent: text(fields, INTENT_FIELD) || 'track',
    registrationNumber: text(fields, TRACK_NUMBER_FIELD),
    trackingCode: text(fields, TRACK_CODE_FIELD),
    body: text(fields, REPLY_BODY_FIELD),
    evidenceIds: fields.getAll(EVIDENCE_ID_FIELD).filter((value): value is string => typeof value === 'string' && value !== ''),
  });
  if (!parsed.success || tooLong) {
    return refuse(text(fields, TRACK_NUMBER_FIELD).slice(0, 40), [{ field: null, label: '', message: t(tooLong ? 'form.tooLong' : 'track.notFound') }], 400);
  }
  const { intent, registrationNumber, body, evidenceIds } = parsed.data;
  // Opening one's own report from the list needs the session, never a code.
  const trackingCode = intent === 'open' ? null : parsed.data.trackingCode || null;
  if (!registrationNumber || (!trackingCode && !call.token)) {
    return refuse(registrationNumber, [{ field: null, label: '', message: t('track.notFound') }], 400);
  }

  const track = () => callApi(call, TrackReportDocument, { registrationNumber, trackingCode }).then(({ trackReport }) => trackReport);
  const found = (view: Omit<TrackView, 'trackingCode'>, status = 200) =>
    data<TrackActionData>({ outcome: 'found', view: { ...view, trackingCode } }, { status });

  if (intent === 'escalate') {
    const untouched = { sent: false, reply: { body: '', problems: [], reattach: false } };
    try {
      await callApi(call, EscalateReportDocument, { input: { registrationNumber, trackingCode } });
      return found({ report: await track(), ...untouched, escalation: { done: true } });
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'INVALID_TRANSITION')) return refuseFor(error, registrationNumber, call, request);
      try {
        return found({ report: await track(), ...untouched, escalation: { done: false, problem: t('track.escalateRefused') } }, 409);
      } catch (trackError) {
        return refuseFor(trackError, registrationNumber, call, request);
      }
    }
  }

  if (intent === 'rate') {
    try {
      const rated = await rateAnswer(call, { registrationNumber, trackingCode }, fields, track);
      return found(rated.view, rated.status);
    } catch (error) {
      return refuseFor(error, registrationNumber, call, request);
    }
  }

  if (intent !== 'message') {
    try {
      return found({ report: await track(), sent: false, reply: { body: '', problems: [], reattach: false } });
    } catch (error) {
      return refuseFor(error, registrationNumber, call, request);
    }
  }

  const reattach = uploads.length > 0 || evidenceIds.length > 0;
  const replyProblems: FormProblem[] = uploads.flatMap((upload) => {
    if (upload.ok) return [];
    const limits = tenant.caseTypes.find((caseType) => caseType.key === text(fields, 'caseTypeKey'))?.evidence ?? { maxFiles: 0, maxFileBytes: 0 };
    return [{ field: EVIDENCE_FIELD, label: t('form.evidence'), message: describeUploadOutcome(upload, limits, call) }];
  });
  if (replyProblems.length === 0) {
    try {
      await callApi(call, SendReporterMessageDocument, {
        input: {
          registrationNumber,
          trackingCode,
          body,
          evidenceIds: [...evidenceIds, ...uploads.flatMap((upload) => (upload.ok ? [upload.evidence.evidenceId] : []))],
        },
      });
      return found({ report: await track(), sent: true, reply: { body: '', problems: [], reattach: false } });
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'BAD_USER_INPUT' && error.issues.length > 0))
        return refuseFor(error, registrationNumber, call, request);
      for (const issue of error.issues) {
        const [head] = issue.path;
        if (head === 'body') replyProblems.push({ field: REPLY_BODY_FIELD, label: t('track.replyBody'), message: issue.message });
        else if (head === 'evidenceIds') replyProblems.push({ field: EVIDENCE_FIELD, label: t('form.evidence'), message: issue.message });
        else replyProblems.push({ field: null, label: '', message: issue.message });
      }
    }
  }
  try {
    return found({ report: await track(), sent: false, reply: { body, problems: replyProblems, reattach } }, 400);
  } catch (error) {
    return refuseFor(error, registrationNumber, call, request);
  }
}

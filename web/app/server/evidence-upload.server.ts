/**
 * Evidence files go from the browser to the API's one-time upload links without being held
 * in memory or on disk here: each file's bytes are streamed on as they arrive, whether they
 * come as the raw body of the page script's upload request or as one part of a no-script
 * multipart form. A file larger than its limit is cut off as soon as the limit passes.
 */
import { unstable_parseMultipartFormData, type UploadHandlerPart } from '@remix-run/node';
import { env } from '../env.server';
import { CreateEvidenceUploadDocument } from '../graphql/documents.server';
import { createTranslator } from '../i18n/translate';
import { EVIDENCE_FIELD } from '../reporting/form-ids';
import { formatWait } from '../reporting/formats';
import { describeUploadProblem, findUploadProblem, type UploadProblem } from '../reporting/upload-problems';
import { ApiError, createApiHeaders } from './api-client.server';
import { callApi, type ReporterCall } from './reporter.server';

export interface UploadedEvidence {
  evidenceId: string;
  fileName: string;
  size: number;
  contentType: string;
}

export type UploadOutcome =
  /** `clientFileName`: the name the reporter chose the file by (the API may keep a neutral one). */
  | { ok: true; evidence: UploadedEvidence; clientFileName: string }
  | { ok: false; status: number; problem: UploadProblem; fileName: string; retryAfterSeconds?: number | null };

export interface EvidenceLimits {
  maxFiles: number;
  maxFileBytes: number;
}

/** Serialises `next()` calls: the multipart parser's part iterator is not safe to call twice at once. */
function createSerialReader(chunks: AsyncIterable<Uint8Array>) {
  const iterator = chunks[Symbol.asyncIterator]();
  let last: Promise<unknown> = Promise.resolve();
  const next = (): Promise<IteratorResult<Uint8Array>> => {
    const result = last.then(() => iterator.next());
    last = result.catch(() => undefined);
    return result;
  };
  return {
    next,
    /** Reads and drops whatever is left, so the parser can move on to the next part. */
    async drain() {
      for (;;) {
        const { done } = await next();
        if (done) return;
      }
    },
    /** Stops reading without touching the rest: the connection closes after the answer. */
    async leave() {
      await iterator.return?.();
    },
  };
}

/** A request body as chunks (ReadableStream's own async iteration is not in every typing). */
export async function* readChunks(stream: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (!stream) return;
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Not cancel(): that would destroy the socket before the answer could be sent.
    reader.releaseLock();
  }
}

/**
 * What to do with a file's bytes left unread after the API answered: read past them (a
 * multipart part, so the next part can be parsed), or leave them (a whole request body,
 * answered with `Connection: close`).
 */
type Leftover = 'drain' | 'leave';

/** PUTs the bytes to the upload link, stopping as soon as they pass `maxBytes`. */
async function putBytes(
  call: ReporterCall,
  uploadPath: string,
  chunks: AsyncIterable<Uint8Array>,
  maxBytes: number,
  leftover: Leftover,
): Promise<Response | 'TOO_LARGE' | 'FAILED'> {
  const reader = createSerialReader(chunks);
  const stop = new AbortController();
  let size = 0;
  let tooLarge = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.next();
      if (done) {
        controller.close();
        return;
      }
      size += value.byteLength;
      if (size > maxBytes) {
        tooLarge = true;
        stop.abort();
        controller.error(new Error('evidence file over its size limit'));
        return;
      }
      controller.enqueue(value);
    },
  });
  try {
    const response = await fetch(`${env.API_URL.replace(/\/+$/, '')}${uploadPath}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream', ...createApiHeaders({ locale: call.locale, clientIp: call.clientIp }) },
      body,
      duplex: 'half',
      signal: AbortSignal.any([stop.signal, call.signal]),
    } as RequestInit & { duplex: 'half' });
    return response;
  } catch (error) {
    if (call.signal.aborted) throw error;
    return tooLarge ? 'TOO_LARGE' : 'FAILED';
  } finally {
    await (leftover === 'drain' ? reader.drain() : reader.leave()).catch(() => undefined);
  }
}

/**
 * One evidence file to the API: an upload link first, then the bytes. `declaredSize` (from
 * Content-Length) refuses an oversized file before a byte is sent.
 */
export async function uploadEvidence(
  call: ReporterCall,
  input: { caseTypeKey: string; fileName: string; chunks: AsyncIterable<Uint8Array>; declaredSize?: number | null; leftover: Leftover },
): Promise<UploadOutcome> {
  const fileName = input.fileName.slice(0, 255) || 'bukti';
  let link;
  try {
    ({ createEvidenceUpload: link } = await callApi(call, CreateEvidenceUploadDocument, { input: { caseTypeKey: input.caseTypeKey, fileName } }));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'RATE_LIMITED') return { ok: false, status: 429, problem: 'RATE_LIMITED', fileName, retryAfterSeconds: error.retryAfterSeconds };
    if (error.code !== 'BAD_USER_INPUT') console.warn(`[web] ${error.message}`);
    return { ok: false, status: error.code === 'BAD_USER_INPUT' ? 400 : 503, problem: 'FAILED', fileName };
  }
  if (input.declaredSize != null && input.declaredSize > link.maxBytes) return { ok: false, status: 413, problem: 'TOO_LARGE', fileName };
  const response = await putBytes(call, link.uploadPath, input.chunks, link.maxBytes, input.leftover);
  if (response === 'TOO_LARGE') return { ok: false, status: 413, problem: 'TOO_LARGE', fileName };
  if (response === 'FAILED') return { ok: false, status: 502, problem: 'FAILED', fileName };
  const answer = (await response.json().catch(() => null)) as Partial<UploadedEvidence> | null;
  if (response.status === 201 && answer?.evidenceId) {
    return {
      ok: true,
      clientFileName: fileName,
      evidence: {
        evidenceId: answer.evidenceId,
        fileName: answer.fileName ?? fileName,
        size: answer.size ?? 0,
        contentType: answer.contentType ?? 'application/octet-stream',
      },
    };
  }
  const retryAfter = Number(response.headers.get('Retry-After'));
  return {
    ok: false,
    status: response.status,
    problem: findUploadProblem(response.status),
    fileName,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  };
}

export function describeUploadOutcome(outcome: Extract<UploadOutcome, { ok: false }>, limits: EvidenceLimits, call: ReporterCall): string {
  const t = createTranslator(call.locale);
  const retryAfter = outcome.retryAfterSeconds ? formatWait(outcome.retryAfterSeconds, t) : undefined;
  return describeUploadProblem(outcome.problem, { fileName: outcome.fileName, ...limits, retryAfter }, t, call.locale);
}

/** A form read from a multipart body, its files already sent to the API. */
export interface StreamedForm {
  fields: FormData;
  uploads: UploadOutcome[];
  /** A text part was longer than any field of ours can be. */
  tooLong: boolean;
}

const MAX_TEXT_PART_BYTES = 64 * 1024;
const MAX_TEXT_PARTS = 200;

async function readText(part: UploadHandlerPart): Promise<string | null> {
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for await (const chunk of part.data) {
    size += chunk.byteLength;
    if (size > MAX_TEXT_PART_BYTES) continue;
    text += decoder.decode(chunk, { stream: true });
  }
  return size > MAX_TEXT_PART_BYTES ? null : text + decoder.decode();
}

async function skip(part: UploadHandlerPart): Promise<void> {
  for await (const chunk of part.data) void chunk;
}

/**
 * Reads a multipart form as it streams in. Text parts are kept (bounded); each file of the
 * `evidence` input is uploaded to the API as it arrives, up to the case type's file count.
 * The case type is fixed by the route, or given by a `caseTypeKey` field before the files.
 */
export async function readStreamedForm(
  request: Request,
  call: ReporterCall,
  options: { caseTypeKey?: string; limits: EvidenceLimits | ((caseTypeKey: string) => EvidenceLimits | null) },
): Promise<StreamedForm> {
  const uploads: UploadOutcome[] = [];
  let tooLong = false;
  let textParts = 0;
  let caseTypeKey = options.caseTypeKey ?? null;
  const fields = await unstable_parseMultipartFormData(request, async (part) => {
    if (part.filename === undefined) {
      if (++textParts > MAX_TEXT_PARTS) {
        tooLong = true;
        await skip(part);
        return undefined;
      }
      const text = await readText(part);
      if (text === null) tooLong = true;
      if (part.name === 'caseTypeKey' && text && !options.caseTypeKey) caseTypeKey = text;
      return text ?? undefined;
    }
    if (part.name !== EVIDENCE_FIELD || part.filename === '') {
      await skip(part);
      return undefined;
    }
    const limits = typeof options.limits === 'function' ? (caseTypeKey ? options.limits(caseTypeKey) : null) : options.limits;
    if (!limits || !caseTypeKey) {
      await skip(part);
      uploads.push({ ok: false, status: 400, problem: 'FAILED', fileName: part.filename });
      return undefined;
    }
    if (uploads.length >= limits.maxFiles) {
      await skip(part);
      uploads.push({ ok: false, status: 400, problem: 'TOO_MANY', fileName: part.filename });
      return undefined;
    }
    uploads.push(await uploadEvidence(call, { caseTypeKey, fileName: part.filename, chunks: part.data, leftover: 'drain' }));
    // When the API refused before a byte was sent, the part is still unread.
    await skip(part);
    return undefined;
  });
  return { fields, uploads, tooLong };
}

export function isMultipart(request: Request): boolean {
  return (request.headers.get('Content-Type') ?? '').toLowerCase().startsWith('multipart/form-data');
}

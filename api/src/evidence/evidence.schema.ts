/** Upload URLs for evidence files (the bytes never go through GraphQL). */
import { z } from 'zod';
import { builder } from '../builder.ts';
import { getTenantConfig } from '../context.ts';
import { createEvidenceUpload } from './evidence-upload.service.ts';

const EvidenceUpload = builder.objectRef<Awaited<ReturnType<typeof createEvidenceUpload>>>('EvidenceUpload').implement({
  description: 'A one-time link: PUT the file bytes to uploadPath (on this API) before expiresAt, then pass evidenceId with the report.',
  fields: (t) => ({
    evidenceId: t.exposeID('evidenceId'),
    uploadPath: t.exposeString('uploadPath'),
    expiresAt: t.field({ type: 'DateTime', resolve: (upload) => upload.expiresAt }),
    maxBytes: t.exposeInt('maxBytes'),
    allowedContentTypes: t.stringList({ resolve: (upload) => [...upload.allowedContentTypes] }),
  }),
});

const CreateEvidenceUploadInput = builder.inputType('CreateEvidenceUploadInput', {
  fields: (t) => ({
    caseTypeKey: t.string({ required: true }),
    fileName: t.string({ required: true, description: 'The name the reporter sees; sanitised, and its extension follows the detected type.' }),
  }),
});

builder.mutationFields((t) => ({
  createEvidenceUpload: t.field({
    type: EvidenceUpload,
    args: { input: t.arg({ type: CreateEvidenceUploadInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      z.object({ caseTypeKey: z.string().max(100), fileName: z.string().min(1).max(500) }).parse(input);
      const tenant = await getTenantConfig(ctx);
      await ctx.rateLimits.consume('upload', `ip:${ctx.clientIp}`);
      return createEvidenceUpload(ctx.db, { tenant, locale: ctx.locale }, input);
    },
  }),
}));

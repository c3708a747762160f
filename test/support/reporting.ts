/** Reporter-side helpers for tests: valid answers from a tenant's own form, uploads. */
import { graphql } from './graphql.ts';

export interface FormField {
  key: string;
  type: string;
  required: boolean;
  maxLength: number | null;
  options: { value: string }[];
}

export interface CaseTypeInfo {
  key: string;
  kind: string;
  onlineIntake: boolean;
  criteria: string;
  formFields: FormField[];
  identity: { allowed: string[]; confidential: boolean; identifiedRequires: string[]; pseudonymousRequires: string[] };
  evidence: { required: boolean; maxFiles: number; maxFileBytes: number };
}

export async function caseTypesOf(apiUrl: string, slug: string): Promise<CaseTypeInfo[]> {
  const response = await graphql(
    `${apiUrl}/t/${slug}/graphql`,
    `{ tenant { caseTypes { key kind onlineIntake criteria formFields { key type required maxLength options { value } }
       identity { allowed confidential identifiedRequires pseudonymousRequires } evidence { required maxFiles maxFileBytes } } } }`,
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.tenant.caseTypes;
}

/** An answer for every field of the form, valid by its own rules. */
export function validAnswers(caseType: CaseTypeInfo, marker = 'uji'): { field: string; value: string }[] {
  return caseType.formFields.map((field) => {
    const value =
      field.type === 'DATE'
        ? '2026-03-02'
        : field.type === 'SELECT'
          ? field.options[0]!.value
          : field.type === 'NUMBER'
            ? '150000'
            : `Isi ${field.key} (${marker})`.slice(0, field.maxLength ?? 200);
    return { field: field.key, value };
  });
}

const DETAIL_VALUES: Record<string, [string, string]> = {
  NAME: ['name', 'Siti Rahayu Pelapor'],
  ID_NUMBER: ['idNumber', '6171010101900001'],
  PHONE: ['phone', '081234567890'],
  EMAIL: ['email', 'siti.pelapor@example.org'],
  ADDRESS: ['address', 'Jl. Merdeka No. 10, Pontianak'],
};

export function reporterDetails(details: string[]): Record<string, string> {
  return Object.fromEntries(details.map((detail) => DETAIL_VALUES[detail]!));
}

export const SUBMIT_REPORT = /* GraphQL */ `
  mutation Submit($input: SubmitReportInput!) {
    submitReport(input: $input) {
      registrationNumber trackingCode
      receipt { registrationNumber agencyName caseTypeName identityMode submittedAt timeZone deadlines { key workingDays deadline provisional } evidence { fileName size sha256 contentType } }
    }
  }
`;

export const TRACK_REPORT = /* GraphQL */ `
  query Track($number: String!, $code: String) {
    trackReport(registrationNumber: $number, trackingCode: $code) {
      registrationNumber status caseTypeKey title deadlines { key deadline }
      timeline { cursor kind status at }
      messages { author body evidence { fileName } }
      receipt { agencyName evidence { fileName } }
    }
  }
`;

/** Asks for an upload link and PUTs the bytes to it; returns the HTTP answer. */
export async function uploadEvidence(apiUrl: string, slug: string, caseTypeKey: string, fileName: string, bytes: Buffer) {
  const created = await graphql(
    `${apiUrl}/t/${slug}/graphql`,
    'mutation Upload($input: CreateEvidenceUploadInput!) { createEvidenceUpload(input: $input) { evidenceId uploadPath maxBytes } }',
    { variables: { input: { caseTypeKey, fileName } } },
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const { evidenceId, uploadPath } = created.data!.createEvidenceUpload;
  const response = await fetch(`${apiUrl}${uploadPath}`, {
    method: 'PUT',
    body: new Uint8Array(bytes),
    headers: { 'content-type': 'application/octet-stream' },
  });
  return { evidenceId: evidenceId as string, uploadPath: uploadPath as string, status: response.status, body: await response.json() };
}

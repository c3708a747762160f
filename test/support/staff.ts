/** Staff console helpers for end-to-end tests: sign in as a demo account, call the API as them. */
import { DEMO_STAFF_PASSWORD } from '@aduan/ops/src/commands/index.ts';
import { graphql, type GraphQLResponse } from './graphql.ts';

export const LOGIN_STAFF = /* GraphQL */ `
  mutation Login($input: StaffCredentialsInput!) { loginStaff(input: $input) { token expiresAt } }
`;

/** The GraphQL address of an agency's console, or the platform's (secretariat) when slug is null. */
export function consoleEndpoint(apiUrl: string, slug: string | null): string {
  return slug ? `${apiUrl}/t/${slug}/graphql` : `${apiUrl}/graphql`;
}

export async function loginStaff(apiUrl: string, slug: string | null, email: string, password = DEMO_STAFF_PASSWORD): Promise<string> {
  const response = await graphql(consoleEndpoint(apiUrl, slug), LOGIN_STAFF, { variables: { input: { email, password } } });
  if (response.errors) throw new Error(`login ${email}: ${JSON.stringify(response.errors)}`);
  return response.data!.loginStaff.token as string;
}

/** A demo agency account: `<role>@<slug>.test` (verifikator, telaah, pimpinan, kustodian, admin). */
export function demoEmail(local: string, slug: string): string {
  return `${local}@${slug}.test`;
}

export interface StaffClient {
  token: string;
  call<Data = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<Data>>;
}

export async function staffClient(apiUrl: string, slug: string | null, local: string): Promise<StaffClient> {
  const email = slug ? demoEmail(local, slug) : local;
  const token = await loginStaff(apiUrl, slug, email);
  return {
    token,
    call: (query, variables) => graphql(consoleEndpoint(apiUrl, slug), query, { variables, headers: { authorization: `Bearer ${token}` } }),
  };
}

export const STAFF_CASE_FIELDS = /* GraphQL */ `
  id registrationNumber status priority restricted escalatedAt waitingSince silenceCloseAt
  currentStage { key deadline paused overdue provisional }
  deadlines { key deadline }
  availableTransitions canHandle canRestrict
  timeline { kind status visibility transition reason actorKind actor { name } }
  messages { authorKind body }
  notes { kind body author { name } }
  officialAnswers { status body decisionReason }
  exclusions { kind staff { id } }
  handlers { id }
  transferredTo transferredFrom externalReference evidence { fileName sha256 }
`;

export const STAFF_CASE = `query StaffCase($id: ID!) { staffCase(id: $id) { ${STAFF_CASE_FIELDS} } }`;
export const TRANSITION_CASE = `mutation Transition($input: TransitionCaseInput!) { transitionCase(input: $input) { ${STAFF_CASE_FIELDS} } }`;
export const INBOX = /* GraphQL */ `
  query Inbox($filter: InboxFilter, $first: Int, $after: String) {
    inbox(filter: $filter, first: $first, after: $after) {
      totalCount hasNextPage endCursor
      cases { id registrationNumber status agency { slug } currentStage { key deadline overdue paused } escalatedAt }
    }
  }
`;

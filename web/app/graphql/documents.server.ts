/** The GraphQL documents, as text, for the server-side client. */
import directory from './directory.graphql?raw';
import tenantPortal from './tenant-portal.graphql?raw';
import type { DirectoryQuery, TenantPortalQuery } from './types';

/** A document with the type of its result attached. */
export interface Document<Result> {
  operationName: string;
  source: string;
  /** Never set: only carries the result type. */
  readonly result?: Result;
}

export const DirectoryDocument: Document<DirectoryQuery> = { operationName: 'Directory', source: directory };
export const TenantPortalDocument: Document<TenantPortalQuery> = { operationName: 'TenantPortal', source: tenantPortal };

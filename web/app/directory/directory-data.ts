import type { TenantKind } from '../graphql/generated/graphql';

export interface DirectoryAgency {
  slug: string;
  name: string;
  shortName: string;
  kind: TenantKind;
  monogram: { text: string; background: string; color: string };
}

export interface DirectoryData {
  provinces: { slug: string; name: string; secretariat: string; agencies: DirectoryAgency[] }[];
}

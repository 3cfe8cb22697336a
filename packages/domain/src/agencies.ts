export type AgencyKind = 'lead' | 'partner';

export interface Agency {
  id: string;
  name: string;
  nameVi: string;
  kind: AgencyKind;
  /** Prefix of human document numbers, e.g. agreement numbers. */
  prefix: string;
}

/** The agencies (tenants) Concord knows. The lead agency keeps the registry. */
export const AGENCIES: readonly Agency[] = [
  {
    id: 'mcst-ttcs',
    name: 'Department of Grassroots Information and Foreign Information, Ministry of Culture, Sports and Tourism',
    nameVi: 'Cục Thông tin cơ sở và Thông tin đối ngoại, Bộ Văn hóa, Thể thao và Du lịch',
    kind: 'lead',
    prefix: 'TTDN',
  },
  {
    id: 'mofa',
    name: 'Press and Information Department, Ministry of Foreign Affairs',
    nameVi: 'Vụ Thông tin Báo chí, Bộ Ngoại giao',
    kind: 'partner',
    prefix: 'MOFA',
  },
  {
    id: 'hcmc-info',
    name: 'Ho Chi Minh City information department',
    nameVi: 'Sở Thông tin và Truyền thông TP. Hồ Chí Minh',
    kind: 'partner',
    prefix: 'HCMC',
  },
  {
    id: 'hanoi-tourism',
    name: 'Hanoi Department of Tourism',
    nameVi: 'Sở Du lịch Hà Nội',
    kind: 'partner',
    prefix: 'HNDL',
  },
];

export function findAgency(orgId: string): Agency | undefined {
  return AGENCIES.find((a) => a.id === orgId);
}

export function agencyKind(orgId: string): AgencyKind | undefined {
  return findAgency(orgId)?.kind;
}

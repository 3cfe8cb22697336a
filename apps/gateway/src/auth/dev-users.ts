import type { Role } from '@concord/domain';

export interface DevUser {
  username: string;
  name: string;
  orgId: string;
  roles: Role[];
}

/** The seeded users a dev token can be issued for (CONCORD_DEV_AUTH=1 only). */
export const DEV_USERS: readonly DevUser[] = [
  { username: 'admin@mcst', name: 'Trần Minh Quân', orgId: 'mcst-ttcs', roles: ['admin'] },
  { username: 'registrar@mcst', name: 'Lê Thu Hà', orgId: 'mcst-ttcs', roles: ['registry_officer'] },
  { username: 'manager@mcst', name: 'Phạm Đức Anh', orgId: 'mcst-ttcs', roles: ['campaign_manager'] },
  { username: 'reviewer@mcst', name: 'Vũ Ngọc Lan', orgId: 'mcst-ttcs', roles: ['reviewer'] },
  { username: 'legal@mcst', name: 'Đặng Quốc Bảo', orgId: 'mcst-ttcs', roles: ['legal_officer'] },
  { username: 'finance@mcst', name: 'Hoàng Thị Mai', orgId: 'mcst-ttcs', roles: ['finance_officer'] },
  { username: 'auditor@mcst', name: 'Bùi Văn Sơn', orgId: 'mcst-ttcs', roles: ['auditor'] },
  { username: 'liaison@mofa', name: 'Ngô Thanh Hương', orgId: 'mofa', roles: ['liaison'] },
  { username: 'reviewer@mofa', name: 'Đỗ Hải Nam', orgId: 'mofa', roles: ['reviewer'] },
  { username: 'liaison@hcmc', name: 'Nguyễn Hoàng Phúc', orgId: 'hcmc-info', roles: ['liaison'] },
  { username: 'liaison@hanoi', name: 'Trịnh Khánh Linh', orgId: 'hanoi-tourism', roles: ['liaison'] },
];

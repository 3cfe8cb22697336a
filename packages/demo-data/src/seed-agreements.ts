import { createConcordClient, devToken, type ConcordClient, type Schemas } from '@concord/client';
import type { DemoCalendar } from './demo-calendar';

type Step = 'submit' | 'approve' | 'sign' | 'milestone' | 'pay' | 'terminate';

interface DemoAgreement {
  key: string;
  counterparty: string;
  body: Omit<Schemas['CreateAgreement'], 'counterpartyId'>;
  steps: Step[];
}

const LABEL = '#HợpTác cùng Cục TTCS&TTĐN';

/**
 * A few agreements in different states, after the 2024 pilot (invented terms).
 * The one in force and the draft have terms around the demo's anchor day; the
 * others are dated events.
 */
function demoAgreements(companies: [string, string], individuals: string[], calendar: DemoCalendar): DemoAgreement[] {
  const [saoViet, mayXanh] = companies;
  return [
    {
      key: 'dien-bien-phu-3d',
      counterparty: saoViet,
      body: {
        kind: 'service_contract',
        title: 'Ra mắt trình chiếu 3D Điện Biên Phủ',
        term: { start: calendar.monthStart(-8), end: calendar.monthEnd(3) },
        scope:
          '50 short videos and posts around the Điện Biên Phủ 3D-mapping launch, with behind-the-scenes livestreams',
        budget: 450_000_000,
        deliverables: [
          { platform: 'tiktok', quantity: 30 },
          { platform: 'facebook', quantity: 20 },
        ],
        disclosureLabel: LABEL,
        usageRights: { durationMonths: 24, channels: ['tiktok', 'facebook', 'youtube'], territories: ['VN'] },
      },
      steps: ['submit', 'approve', 'sign', 'milestone', 'pay'],
    },
    {
      key: 'huong-ve-la-co',
      counterparty: mayXanh,
      body: {
        kind: 'memorandum',
        title: 'Chiến dịch "Hướng về lá cờ Tổ quốc" 2/9/2024',
        term: { start: '2024-08-15', end: '2024-09-30' },
        scope: 'Creators of the company publish content for the national flag campaign around 2 September 2024',
        budget: 120_000_000,
        deliverables: [{ platform: 'youtube', quantity: 12 }],
        disclosureLabel: LABEL,
      },
      steps: ['submit', 'approve', 'sign'],
    },
    {
      key: 'van-hoa-doc',
      counterparty: individuals[0],
      body: {
        kind: 'service_contract',
        title: 'Ngày Sách và Văn hóa đọc Việt Nam 2027',
        term: { start: '2027-04-01', end: '2027-04-30' },
        scope: 'Three videos introducing reading-culture events',
        budget: 30_000_000,
        deliverables: [{ platform: 'tiktok', quantity: 3 }],
        disclosureLabel: LABEL,
      },
      steps: ['submit'],
    },
    {
      key: 'bao-tang-quan-su',
      counterparty: individuals[1],
      body: {
        kind: 'service_contract',
        title: 'Tham quan Bảo tàng Lịch sử Quân sự Việt Nam',
        term: { start: calendar.day(41), end: calendar.monthEnd(4) },
        scope: 'A channel visit to the Military History Museum: one long video and five shorts',
        budget: 60_000_000,
        deliverables: [{ platform: 'youtube', quantity: 6 }],
        disclosureLabel: LABEL,
      },
      steps: [],
    },
    {
      key: 'trien-lam-quoc-phong',
      counterparty: individuals[2],
      body: {
        kind: 'service_contract',
        title: 'Triển lãm Quốc phòng quốc tế — kênh trải nghiệm',
        term: { start: '2026-05-01', end: '2026-12-31' },
        scope: 'Coverage of the international defence expo',
        budget: 80_000_000,
        deliverables: [{ platform: 'facebook', quantity: 8 }],
        disclosureLabel: LABEL,
      },
      steps: ['submit', 'approve', 'sign', 'terminate'],
    },
  ];
}

/**
 * Loads the demo agreements through the API, each step as the role that
 * takes it, every write with a stable Idempotency-Key (`version` names the
 * demo data set), so running it again changes nothing.
 */
export async function seedDemoAgreements(
  baseUrl: string,
  version: string,
  counterparties: { companies: [string, string]; activeIndividuals: string[] },
  calendar: DemoCalendar,
): Promise<number> {
  const as = async (username: string) => createConcordClient({ baseUrl, token: await devToken(baseUrl, username) });
  const [manager, legal, admin, finance] = await Promise.all(
    ['manager@mcst', 'legal@mcst', 'admin@mcst', 'finance@mcst'].map(as),
  );
  const all = demoAgreements(counterparties.companies, counterparties.activeIndividuals, calendar);
  for (const a of all) {
    const key = (step: string) => ({ 'Idempotency-Key': `demo-${version}-agreement-${a.key}-${step}` });
    const created = await manager.POST('/v1/agreements', {
      params: { header: key('draft') },
      body: { ...a.body, counterpartyId: a.counterparty },
    });
    if (!created.data) throw new Error(`Seeding agreement ${a.key}: ${JSON.stringify(created.error)}`);
    const path = { id: created.data.id };
    for (const step of a.steps) {
      const result = await runStep(step, { manager, legal, admin, finance }, path, key, a);
      // 409: the agreement was moved by hand since; the demo leaves it where it is.
      if (!result.response.ok && result.response.status !== 409)
        throw new Error(`Seeding agreement ${a.key} (${step}): ${JSON.stringify(result.error)}`);
    }
  }
  return all.length;
}

async function runStep(
  step: Step,
  users: Record<'manager' | 'legal' | 'admin' | 'finance', ConcordClient>,
  path: { id: string },
  key: (step: string) => Record<string, string>,
  a: DemoAgreement,
): Promise<{ response: Response; error?: unknown }> {
  switch (step) {
    case 'submit':
      return users.manager.POST('/v1/agreements/{id}/submit-for-review', { params: { path, header: key(step) } });
    case 'approve':
      return users.legal.POST('/v1/agreements/{id}/legal-decision', {
        params: { path, header: key(step) },
        body: { decision: 'approve', comments: 'Disclosure clause and usage rights checked' },
      });
    case 'sign': {
      const agency = await users.admin.POST('/v1/agreements/{id}/signatures', {
        params: { path, header: key('sign-agency') },
        body: {
          party: 'agency',
          signatoryName: 'Trần Minh Quân',
          signedAt: `${a.body.term.start}T02:00:00Z`,
          method: 'in_person',
        },
      });
      if (!agency.response.ok) return agency;
      return users.admin.POST('/v1/agreements/{id}/signatures', {
        params: { path, header: key('sign-counterparty') },
        body: {
          party: 'counterparty',
          signatoryName: 'Đại diện bên đối tác',
          signedAt: `${a.body.term.start}T03:00:00Z`,
          method: 'e_signature',
          reference: `VNPT-CA ${a.key}`,
        },
      });
    }
    case 'milestone':
      return users.finance.POST('/v1/agreements/{id}/milestones', {
        params: { path, header: key(step) },
        body: { label: 'Tạm ứng 40%', dueDate: a.body.term.start, amount: Math.round(a.body.budget * 0.4) },
      });
    case 'pay': {
      const { data } = await users.finance.GET('/v1/agreements/{id}', { params: { path } });
      const milestoneId = data!.milestones[0].id;
      return users.finance.POST('/v1/agreements/{id}/milestones/{milestoneId}/payment', {
        params: { path: { ...path, milestoneId }, header: key(step) },
        body: { paymentReference: 'KBNN-2026-000118' },
      });
    }
    case 'terminate':
      return users.admin.POST('/v1/agreements/{id}/terminate', {
        params: { path, header: key(step) },
        body: { reason: 'Expo channel programme cancelled by the organiser' },
      });
  }
}

// Bulk-loads agreements (with one milestone each, half of them paid) straight
// into the agreements schema, for benchmarks.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cliProgress = require('cli-progress');
const { newId, agreementSearchText } = require('../packages/domain/dist/index.js');

const STATUSES = [
  'active',
  'active',
  'active',
  'signed',
  'expired',
  'terminated',
  'draft',
  'legal_review',
  'suspended',
  'approved',
];

export async function seedAgreements(pool, count, counterparties) {
  const bar = new cliProgress.SingleBar(
    { format: '  seeding agreements [{bar}] {value}/{total} {eta_formatted}' },
    cliProgress.Presets.shades_classic,
  );
  bar.start(count, 0);
  for (let i = 0; i < count; i += 2000) {
    const agreements = [];
    const milestones = [];
    for (let j = i; j < Math.min(count, i + 2000); j++) {
      const id = newId();
      const year = 2025 + (j % 3);
      const budget = 10_000_000 * (1 + (j % 50));
      const counterparty = counterparties[j % counterparties.length];
      const number = `BENCH-${year}-${String(j).padStart(6, '0')}`;
      const title = `Bench agreement ${j}`;
      agreements.push({
        id,
        number,
        agency_id: 'mcst-ttcs',
        kind: j % 2 ? 'memorandum' : 'service_contract',
        counterparty_id: counterparty.id,
        counterparty_name: counterparty.name,
        title,
        scope: 'bench',
        // What the service stores for search (apps/agreements agreement.repository.ts indexForSearch).
        search_text: agreementSearchText(number, title, counterparty.name),
        term_start: `${year}-01-01`,
        term_end: `${year}-12-31`,
        budget,
        status: STATUSES[j % STATUSES.length],
      });
      milestones.push({
        id: newId(),
        agreement_id: id,
        label: 'Advance',
        due_date: `${year}-03-01`,
        amount: budget / 2,
        status: j % 2 ? 'paid' : 'planned',
      });
    }
    await pool.query(
      `INSERT INTO agreements.agreements (id, number, agency_id, kind, counterparty_id, counterparty_name, title, scope, term_start, term_end,
         budget, deliverables, disclosure_label, usage_rights, status, version, signatures, legal_reviews, status_history, created_by, search_text)
       SELECT id, number, agency_id, kind, counterparty_id, counterparty_name, title, scope, term_start, term_end,
              budget, '[]', '#HợpTác cùng Cục TTCS&TTĐN', NULL, status, 1, '[]', '[]', '[]', 'bench', search_text
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, number text, agency_id text, kind text, counterparty_id uuid, counterparty_name text,
              title text, scope text, term_start date, term_end date, budget bigint, status text, search_text text)`,
      [JSON.stringify(agreements)],
    );
    await pool.query(
      `INSERT INTO agreements.milestones (id, agreement_id, label, due_date, amount, status)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, agreement_id uuid, label text, due_date date, amount bigint, status text)`,
      [JSON.stringify(milestones)],
    );
    bar.update(Math.min(count, i + 2000));
  }
  bar.stop();
  await pool.query('VACUUM ANALYZE agreements.agreements');
  await pool.query('VACUUM ANALYZE agreements.milestones');
}

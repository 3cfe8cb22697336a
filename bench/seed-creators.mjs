// Bulk-loads demo creators straight into the registry schema (100,000 in
// seconds), with the same folding the registry applies, for benchmarks.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cliProgress = require('cli-progress');
const { demoCreators } = require('../packages/demo-data/dist/index.js');
const {
  newId,
  foldText,
  creatorSearchText,
  creatorSearchWords,
  nameWords,
  normalizeHandle,
} = require('../packages/domain/dist/index.js');

export async function seedCreators(pool, COUNT) {
  const bar = new cliProgress.SingleBar(
    { format: '  seeding creators [{bar}] {value}/{total} {eta_formatted}' },
    cliProgress.Presets.shades_classic,
  );
  const all = demoCreators(COUNT, 100_000);
  bar.start(all.length, 0);
  const statuses = ['active', 'vetted', 'prospect', 'suspended'];
  for (let i = 0; i < all.length; i += 2000) {
    const creators = [];
    const channels = [];
    for (const c of all.slice(i, i + 2000)) {
      const id = newId();
      const handles = c.input.channels.map((ch) => ch.handle);
      creators.push({
        id,
        kind: c.input.kind,
        display_name: c.input.displayName,
        display_name_folded: foldText(c.input.displayName),
        search_text: creatorSearchText(c.input.displayName, handles),
        search_words: creatorSearchWords(c.input.displayName, handles),
        status: statuses.includes(c.status) ? c.status : 'prospect',
        topics: c.input.topics ?? [],
        languages: c.input.languages ?? [],
        regions: c.input.regions ?? [],
        total_followers: c.input.channels.reduce((s, ch) => s + ch.followers, 0),
      });
      for (const ch of c.input.channels) {
        channels.push({
          id: newId(),
          creator_id: id,
          platform: ch.platform,
          handle: ch.handle,
          handle_normalized: normalizeHandle(ch.handle),
          url: ch.url,
          followers: ch.followers,
          verified: ch.verified ?? false,
        });
      }
    }
    await pool.query(
      `INSERT INTO registry.creators (id, kind, display_name, display_name_folded, search_text, search_words, status, version, topics, languages, regions,
         vetting, training, incidents, status_history, total_followers)
       SELECT id, kind, display_name, display_name_folded, search_text, search_words, status, 1, topics, languages, regions, '[]', '[]', '[]', '[]', total_followers
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, kind text, display_name text, display_name_folded text, search_text text, search_words text[],
              status text, topics text[], languages text[], regions text[], total_followers bigint)`,
      [JSON.stringify(creators)],
    );
    await pool.query(
      `INSERT INTO registry.channels (id, creator_id, platform, handle, handle_normalized, url, followers, verified)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, creator_id uuid, platform text, handle text, handle_normalized text, url text, followers int, verified boolean)`,
      [JSON.stringify(channels)],
    );
    await pool.query(
      'INSERT INTO registry.search_vocabulary (word) SELECT DISTINCT unnest($1::text[]) ON CONFLICT DO NOTHING',
      [[...new Set(creators.flatMap((c) => nameWords(c.display_name)))]],
    );
    bar.update(Math.min(all.length, i + 2000));
  }
  bar.stop();
  // VACUUM also empties the GIN indexes' pending lists, as autovacuum would after a bulk load.
  await pool.query('VACUUM ANALYZE registry.creators');
  await pool.query('VACUUM ANALYZE registry.channels');
  await pool.query('VACUUM ANALYZE registry.search_vocabulary');
  return all;
}

#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCheckpoints, parseExport, parseKeys, verifyExport } from '../offline-verifier';

/**
 * concord-audit-verify --export trail.ndjson --checkpoints checkpoints.json --keys keys.json
 *
 * Checks an exported audit trail offline, without any access to Concord:
 * exit 0 when every chain holds, 1 when one is broken (naming where), 2 on
 * bad usage or unreadable files.
 */
function main(): number {
  const usage =
    'usage: concord-audit-verify --export trail.ndjson --checkpoints checkpoints.json --keys keys.json [--json]';
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        export: { type: 'string' },
        checkpoints: { type: 'string' },
        keys: { type: 'string' },
        json: { type: 'boolean' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (!values.export || !values.checkpoints || !values.keys) {
    console.error(usage);
    return 2;
  }
  let verdicts;
  try {
    verdicts = verifyExport(
      parseExport(readFileSync(values.export, 'utf8')),
      parseCheckpoints(JSON.parse(readFileSync(values.checkpoints, 'utf8'))),
      parseKeys(JSON.parse(readFileSync(values.keys, 'utf8'))),
    );
  } catch (error) {
    console.error(`cannot read the files: ${(error as Error).message}`);
    return 2;
  }
  if (values.json) {
    console.log(JSON.stringify(verdicts, null, 2));
  } else {
    for (const v of verdicts) {
      const against = v.latestCheckpoint
        ? `, checked against ${v.checkpoints} checkpoint(s), latest size ${v.latestCheckpoint.size} at ${v.latestCheckpoint.at}`
        : ', no checkpoint to check against';
      console.log(
        v.valid
          ? `✓ ${v.service}: ${v.entries} links hold${against}`
          : `✗ ${v.service}: broken at link ${v.brokenAt} (${v.problem!.code}): ${v.problem!.detail}`,
      );
    }
  }
  return verdicts.every((v) => v.valid) ? 0 : 1;
}

process.exitCode = main();

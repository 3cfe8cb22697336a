import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createAgreementsDataSource, migrateAgreementsDatabase } from '@concord/agreements';
import { createApprovalsDataSource, migrateApprovalsDatabase } from '@concord/approvals';
import {
  connectServiceDatabase,
  MigrationsPendingError,
  openServiceDatabase,
  provisionServiceSchema,
  serviceRoleNames,
  SERVICE_SCHEMAS,
} from '@concord/database';
import { createRegistryDataSource, migrateRegistryDatabase } from '@concord/registry';
import { createTaskingDataSource, migrateTaskingDatabase } from '@concord/tasking';
import { createServiceTestDatabase, testUrls, type ServiceTestDatabase } from '@concord/testing';
import { createGatewayDataSource } from './gateway-data-source';
import { migrateGatewayDatabase } from './migrate-gateway';

/**
 * ADR 0015: each service connects as its own role. What such a role can
 * and cannot do, checked against the real migrations on real PostgreSQL.
 */
const migrations: Record<string, (ownerUrl: string) => Promise<unknown>> = {
  registry: migrateRegistryDatabase,
  agreements: migrateAgreementsDatabase,
  tasking: migrateTaskingDatabase,
  approvals: migrateApprovalsDatabase,
  gateway: migrateGatewayDatabase,
};
const schemas = SERVICE_SCHEMAS.map((s) => s.schema);
/** A table of each schema, to be read (or not) by the others. */
const aTable: Record<string, string> = {
  registry: 'registry.creators',
  agreements: 'agreements.agreements',
  tasking: 'tasking.campaigns',
  approvals: 'approvals.submissions',
  gateway: 'gateway.idempotency_keys',
};
const servicesWithAudit = ['registry', 'agreements', 'tasking', 'approvals'];

/** The SQLSTATE PostgreSQL refuses with, or null when it did as asked (inside a transaction rolled back). */
async function refusal(client: pg.Client, sql: string): Promise<string | null> {
  await client.query('BEGIN');
  try {
    await client.query(sql);
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  } finally {
    await client.query('ROLLBACK');
  }
}

const INSUFFICIENT_PRIVILEGE = '42501';

describe('each service connects as its own role (ADR 0015)', () => {
  let database: ServiceTestDatabase;
  const as: Record<string, pg.Client> = {};
  let admin: pg.Client;

  beforeAll(async () => {
    database = await createServiceTestDatabase(testUrls().databaseUrl);
    for (const schema of schemas) {
      as[schema] = new pg.Client({ connectionString: await database.serviceUrl(schema, migrations[schema]) });
      await as[schema].connect();
    }
    admin = new pg.Client({ connectionString: database.adminUrl });
    await admin.connect();
    // One audit entry each, so there is something to tamper with.
    for (const schema of servicesWithAudit) {
      await admin.query(
        `INSERT INTO ${schema}.audit_log (seq, id, at, actor_user_id, actor_org_id, action, subject, data, prev_hash, hash)
         VALUES (1, gen_random_uuid(), now(), 'registrar@mcst', 'mcst-ttcs', 'test.recorded', 'test:1', '{}', repeat('0', 64), repeat('a', 64))`,
      );
    }
  });
  afterAll(async () => {
    await Promise.all([admin, ...Object.values(as)].map((c) => c?.end()));
  });

  it.each(schemas)(
    '%s: is not a superuser, owns nothing, and cannot create tables, even in its own schema',
    async (schema) => {
      const client = as[schema];
      const { rows } = await client.query(
        `SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owned,
              (SELECT count(*)::int FROM pg_namespace WHERE nspowner = r.oid) AS schemas_owned
         FROM pg_roles r WHERE r.rolname = current_user`,
      );
      expect(rows[0]).toEqual({
        rolsuper: false,
        rolcreaterole: false,
        rolcreatedb: false,
        rolbypassrls: false,
        owned: 0,
        schemas_owned: 0,
      });
      expect((await client.query('SELECT current_user AS me')).rows[0].me).toBe(serviceRoleNames(schema).service);
      expect(await refusal(client, `CREATE TABLE ${schema}.sneaky (id int)`)).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await refusal(client, 'CREATE TABLE public.sneaky (id int)')).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await refusal(client, `CREATE SCHEMA sneaky_${schema}`)).toBe(INSUFFICIENT_PRIVILEGE);
    },
  );

  it.each(schemas)("%s: reads and writes its own tables but cannot read another service's", async (schema) => {
    const client = as[schema];
    expect(await refusal(client, `SELECT count(*) FROM ${aTable[schema]}`)).toBeNull();
    for (const other of schemas.filter((s) => s !== schema)) {
      expect({ other, code: await refusal(client, `SELECT count(*) FROM ${aTable[other]}`) }).toEqual({
        other,
        code: INSUFFICIENT_PRIVILEGE,
      });
    }
  });

  it.each(servicesWithAudit)(
    '%s: may only read and append to its audit table: no update, delete, truncate, trigger switched off or table changed',
    async (schema) => {
      const client = as[schema];
      const table = `${schema}.audit_log`;
      expect(await refusal(client, `SELECT * FROM ${table}`)).toBeNull();
      expect(
        await refusal(
          client,
          `INSERT INTO ${table} (seq, id, at, actor_user_id, actor_org_id, action, subject, data, prev_hash, hash)
         VALUES (2, gen_random_uuid(), now(), 'registrar@mcst', 'mcst-ttcs', 'test.recorded', 'test:2', '{}', repeat('a', 64), repeat('b', 64))`,
        ),
      ).toBeNull();
      expect(await refusal(client, `UPDATE ${table} SET actor_user_id = 'mallory@nowhere'`)).toBe(
        INSUFFICIENT_PRIVILEGE,
      );
      expect(await refusal(client, `DELETE FROM ${table}`)).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await refusal(client, `TRUNCATE ${table}`)).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await refusal(client, `ALTER TABLE ${table} DISABLE TRIGGER audit_log_no_update_or_delete`)).toBe(
        INSUFFICIENT_PRIVILEGE,
      );
      expect(await refusal(client, `ALTER TABLE ${table} DISABLE TRIGGER ALL`)).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await refusal(client, `DROP TABLE ${table}`)).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await refusal(client, `SELECT * FROM ${table} FOR UPDATE`)).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await refusal(client, 'SET session_replication_role = replica')).toBe(INSUFFICIENT_PRIVILEGE);
      // The entry is still there, as it was.
      expect((await admin.query(`SELECT actor_user_id FROM ${table} WHERE seq = 1`)).rows).toEqual([
        { actor_user_id: 'registrar@mcst' },
      ]);
    },
  );

  it.each(
    servicesWithAudit.flatMap((schema) =>
      (['audit_entries', 'audit_chain', 'audit_checkpoints'] as const).map((t) => [schema, t]),
    ),
  )('%s: may read its %s but not update, delete, truncate it or switch its triggers off', async (schema, name) => {
    const client = as[schema];
    const table = `${schema}.${name}`;
    expect(await refusal(client, `SELECT count(*) FROM ${table}`)).toBeNull();
    const column = name === 'audit_entries' ? 'actor_user_id' : 'signature';
    expect(await refusal(client, `UPDATE ${table} SET ${column} = ${column}`)).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await refusal(client, `DELETE FROM ${table}`)).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await refusal(client, `TRUNCATE ${table}`)).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await refusal(client, `ALTER TABLE ${table} DISABLE TRIGGER ALL`)).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it.each(schemas)(
    '%s: cannot rewrite its migration history (it may read it, to refuse to start on an old schema)',
    async (schema) => {
      const client = as[schema];
      expect(await refusal(client, `SELECT count(*) FROM ${schema}.migrations`)).toBeNull();
      expect(await refusal(client, `DELETE FROM ${schema}.migrations`)).toBe(INSUFFICIENT_PRIVILEGE);
    },
  );

  it('covers tables a later migration adds: a new audit_* table is append-only for the service, another table read-write', async () => {
    const roles = serviceRoleNames('registry');
    const owner = new pg.Client({ connectionString: database.schemas.registry.ownerUrl });
    await owner.connect();
    try {
      await owner.query('CREATE TABLE registry.audit_checkpoints_test (n int)');
      await owner.query('CREATE TABLE registry.later_table_test (n int)');
    } finally {
      await owner.end();
    }
    await migrateRegistryDatabase(database.schemas.registry.ownerUrl, roles.service);
    const client = as.registry;
    expect(await refusal(client, 'INSERT INTO registry.audit_checkpoints_test VALUES (1)')).toBeNull();
    expect(await refusal(client, 'UPDATE registry.audit_checkpoints_test SET n = 2')).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await refusal(client, 'DELETE FROM registry.audit_checkpoints_test')).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await refusal(client, 'INSERT INTO registry.later_table_test VALUES (1)')).toBeNull();
    expect(await refusal(client, 'UPDATE registry.later_table_test SET n = 2')).toBeNull();
    expect(await refusal(client, 'DELETE FROM registry.later_table_test')).toBeNull();
    expect(await refusal(client, 'TRUNCATE registry.later_table_test')).toBe(INSUFFICIENT_PRIVILEGE);
  });
});

describe('a database from before the service roles (everything owned by the administrator)', () => {
  const factories = {
    registry: createRegistryDataSource,
    agreements: createAgreementsDataSource,
    tasking: createTaskingDataSource,
    approvals: createApprovalsDataSource,
    gateway: createGatewayDataSource,
  };

  it('is handed to the owner roles, migrates as the owner, and the services then start as their own roles', async () => {
    const database = await createServiceTestDatabase(testUrls().databaseUrl);
    // What an older `npm start` left: each schema migrated by the administrator, who owns it all.
    const adminUrl = database.adminUrl;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      for (const schema of schemas) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      for (const create of Object.values(factories)) await (await openServiceDatabase(create(adminUrl, 1))).destroy();
      const ownedByAdmin = async () =>
        (
          await admin.query(
            `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                             WHERE n.nspname = ANY($1) AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
            [schemas],
          )
        ).rows[0].n;
      expect(await ownedByAdmin()).toBeGreaterThan(0);

      for (const { schema, extensions } of SERVICE_SCHEMAS) {
        const provisioned = await provisionServiceSchema(adminUrl, {
          schema,
          extensions,
          setPasswords: false,
          // The roles exist already (cluster-wide): their passwords are kept.
          passwords: { owner: 'unused', service: 'unused' },
        });
        expect(provisioned.reassigned).toBeGreaterThan(0);
        await migrations[schema](database.schemas[schema].ownerUrl);
        const service = await connectServiceDatabase(
          factories[schema as keyof typeof factories](database.schemas[schema].serviceUrl, 1),
        );
        await service.destroy();
      }
      expect(await ownedByAdmin()).toBe(0);
      const { rows } = await admin.query(
        `SELECT nspname, pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = ANY($1) ORDER BY nspname`,
        [schemas],
      );
      expect(rows).toEqual([...schemas].sort().map((s) => ({ nspname: s, owner: serviceRoleNames(s).owner })));
    } finally {
      await admin.end();
    }
  });

  it('a service refuses to start on a schema its migration step has not brought up to date, saying what to run', async () => {
    const database = await createServiceTestDatabase(testUrls().databaseUrl);
    const started = connectServiceDatabase(createRegistryDataSource(database.schemas.registry.serviceUrl, 1));
    await expect(started).rejects.toBeInstanceOf(MigrationsPendingError);
    await expect(started).rejects.toThrow(/registry.*lacks \d+ migration.*dist\/migrate\.js/);
  });
});

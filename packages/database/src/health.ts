import type { DataSource } from 'typeorm';

/** True when the service's database answers a trivial query. */
export async function databaseAnswers(dataSource: DataSource): Promise<boolean> {
  try {
    await dataSource.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

import pg from "pg";

/** Swaps the database name in a PostgreSQL URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function createDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  return admin(serverUrl, async (client) => {
    await client.query(`CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ""}`);
  });
}

export function dropDatabase(serverUrl: string, name: string): Promise<void> {
  return admin(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
  });
}

/** Databases this test run created (by prefix), so a crashed earlier run's leftovers are cleaned too. */
export function dropDatabasesWithPrefix(serverUrl: string, prefix: string): Promise<void> {
  return admin(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}%`]);
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS ${quote(row.datname)} WITH (FORCE)`);
  });
}

/** A fresh database copied from a template; copying takes milliseconds. */
export async function createDatabaseFrom(serverUrl: string, name: string, template: string): Promise<string> {
  await createDatabase(serverUrl, name, template);
  return withDatabase(serverUrl, name);
}

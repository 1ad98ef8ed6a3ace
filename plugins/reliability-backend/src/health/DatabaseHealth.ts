import type { Knex } from 'knex';

/**
 * Answers whether the plugin's database is reachable, with a bounded wait, so
 * that a health check never hangs on a database that is restarting.
 */
export class DatabaseHealth {
  constructor(
    private readonly getClient: () => Promise<Knex>,
    private readonly timeoutMs = 2000,
  ) {}

  async check(): Promise<{
    client: string;
    reachable: boolean;
    error?: string;
  }> {
    let client = 'unknown';
    try {
      const knex = await this.getClient();
      client = String(knex.client.config.client);
      await withTimeout(knex.raw('select 1'), this.timeoutMs);
      return { client, reachable: true };
    } catch (error) {
      return {
        client,
        reachable: false,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }
}

function withTimeout<T>(promise: PromiseLike<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no answer within ${ms} ms`)),
      ms,
    );
    Promise.resolve(promise).then(
      value => {
        clearTimeout(timer);
        resolve(value);
      },
      error => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

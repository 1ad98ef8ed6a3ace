/**
 * The runbook index's hot reads (an entity's runbooks, the alert lookup, one
 * runbook) held in memory between changes of the index. Every change raises
 * a version in the database, in its own transaction; each instance reads
 * that one row at most every `checkIntervalMs` and drops what it holds when
 * the version moved, so another instance's change shows within that time
 * and this instance's own changes at once (`invalidate`).
 *
 * When the database cannot be reached, what is held keeps being served: an
 * incident commander's runbook lookup works through a database restart.
 */
export class IndexReadCache {
  private readonly entries = new Map<string, unknown>();
  private epoch = 0;
  private version: string | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly options: {
      readVersion: () => Promise<string>;
      checkIntervalMs: number;
      maxEntries: number;
      now?: () => number;
    },
  ) {}

  /** Forgets everything held: after this instance changed the index. */
  invalidate(): void {
    this.entries.clear();
    this.epoch += 1;
    this.checkedAt = Number.NEGATIVE_INFINITY;
  }

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    let current = true;
    try {
      await this.check();
    } catch {
      // The database is away: serve what is held, load what is not (which
      // fails as the database does).
      current = false;
    }
    if (this.entries.has(key)) {
      const value = this.entries.get(key) as T;
      // Most recently used last: the first entry is the one to evict.
      this.entries.delete(key);
      this.entries.set(key, value);
      return value;
    }
    const epoch = this.epoch;
    const value = await load();
    // A change while it loaded may have made it old: keep it only if not.
    if (current && epoch === this.epoch) {
      this.entries.set(key, value);
      if (this.entries.size > this.options.maxEntries) {
        this.entries.delete(this.entries.keys().next().value as string);
      }
    }
    return value;
  }

  private async check(): Promise<void> {
    const now = this.options.now ?? Date.now;
    if (now() - this.checkedAt < this.options.checkIntervalMs) return;
    this.checking ??= (async () => {
      try {
        const version = await this.options.readVersion();
        if (version !== this.version) {
          this.entries.clear();
          this.epoch += 1;
          this.version = version;
        }
        this.checkedAt = now();
      } finally {
        this.checking = undefined;
      }
    })();
    await this.checking;
  }
}

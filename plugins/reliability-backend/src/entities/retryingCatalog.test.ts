import type { CatalogService } from '@backstage/plugin-catalog-node';
import { isConnectionError, retryingCatalog } from './retryingCatalog';

// What node-fetch throws when the catalog closes a kept-alive connection.
const reset = () =>
  Object.assign(
    new Error(
      'request to http://localhost:7007/api/catalog/entities/by-refs failed, reason: read ECONNRESET',
    ),
    { name: 'FetchError', type: 'system', code: 'ECONNRESET' },
  );

describe('retryingCatalog', () => {
  const items = { items: [{ kind: 'Component' }] };

  it('tries a read once more when the connection was reset', async () => {
    const getEntitiesByRefs = jest
      .fn()
      .mockRejectedValueOnce(reset())
      .mockResolvedValueOnce(items);
    const catalog = retryingCatalog(
      { getEntitiesByRefs } as unknown as CatalogService,
      { delayMs: 0 },
    );
    await expect(
      catalog.getEntitiesByRefs(
        { entityRefs: ['component:default/a'] },
        {
          credentials: {} as any,
        },
      ),
    ).resolves.toEqual(items);
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(2);
  });

  it('gives up after the second failure, with its error', async () => {
    const getEntityByRef = jest.fn().mockRejectedValue(reset());
    const catalog = retryingCatalog(
      { getEntityByRef } as unknown as CatalogService,
      { delayMs: 0 },
    );
    await expect(
      catalog.getEntityByRef('component:default/a', { credentials: {} as any }),
    ).rejects.toThrow(/ECONNRESET/);
    expect(getEntityByRef).toHaveBeenCalledTimes(2);
  });

  it('does not retry an answer of the catalog, nor a write', async () => {
    const notAllowed = Object.assign(new Error('Forbidden'), {
      name: 'NotAllowedError',
    });
    const getEntityByRef = jest.fn().mockRejectedValue(notAllowed);
    const refreshEntity = jest.fn().mockRejectedValue(reset());
    const catalog = retryingCatalog(
      { getEntityByRef, refreshEntity } as unknown as CatalogService,
      { delayMs: 0 },
    );
    await expect(
      catalog.getEntityByRef('component:default/a', { credentials: {} as any }),
    ).rejects.toThrow('Forbidden');
    await expect(
      catalog.refreshEntity('component:default/a', { credentials: {} as any }),
    ).rejects.toThrow(/ECONNRESET/);
    expect(getEntityByRef).toHaveBeenCalledTimes(1);
    expect(refreshEntity).toHaveBeenCalledTimes(1);
  });

  it('knows a connection error under its cause', () => {
    expect(isConnectionError(new Error('x', { cause: reset() }))).toBe(true);
    expect(isConnectionError(new Error('socket hang up'))).toBe(true);
    expect(isConnectionError(new Error('Not found'))).toBe(false);
    expect(isConnectionError(undefined)).toBe(false);
  });
});

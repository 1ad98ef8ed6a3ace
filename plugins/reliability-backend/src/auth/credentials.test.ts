import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type express from 'express';
import {
  isMachineToken,
  jobOf,
  principalRef,
  readerCredentials,
} from './credentials';

const req = {} as express.Request;
const reading = (credentials: any) =>
  readerCredentials(
    mockServices.httpAuth.mock({ credentials: async () => credentials }),
    req,
  );

describe('credentials', () => {
  it('refuses reads to a token held to one job, and lets people and plugins read', async () => {
    const alertmanager = mockCredentials.service('alertmanager', {
      permissionNames: ['reliability.incident.alert'],
    });
    await expect(reading(alertmanager)).rejects.toThrow(
      'This token is for reliability.incident.alert only; it reads nothing',
    );
    await expect(
      reading(
        mockCredentials.service('ci', {
          permissionAttributes: { action: ['create'] },
        }),
      ),
    ).rejects.toThrow(
      'This token is for create actions only; it reads nothing',
    );
    const user = mockCredentials.user('user:default/guest');
    await expect(reading(user)).resolves.toBe(user);
    const search = mockCredentials.service('plugin:search');
    await expect(reading(search)).resolves.toBe(search);
  });

  it('tells machines from plugins, and names who acts', () => {
    expect(isMachineToken(mockCredentials.service('backup-reporter'))).toBe(
      true,
    );
    expect(isMachineToken(mockCredentials.service('plugin:reliability'))).toBe(
      false,
    );
    expect(isMachineToken(mockCredentials.user())).toBe(false);
    expect(principalRef(mockCredentials.user('user:default/amara'))).toBe(
      'user:default/amara',
    );
    expect(principalRef(mockCredentials.service('alertmanager'))).toBe(
      'alertmanager',
    );
    expect(jobOf(mockCredentials.service('plugin:search'))).toBeUndefined();
  });
});

import { redactRemote } from './sources';

describe('redactRemote', () => {
  it('drops credentials from a remote URL, and leaves others alone', () => {
    expect(
      redactRemote('https://oauth2:s3cret@git.acme.example/sre/runbooks.git'),
    ).toBe('https://git.acme.example/sre/runbooks.git');
    expect(redactRemote('https://git.acme.example/sre/runbooks.git')).toBe(
      'https://git.acme.example/sre/runbooks.git',
    );
    expect(redactRemote('git@git.acme.example:sre/runbooks.git')).toBe(
      'git@git.acme.example:sre/runbooks.git',
    );
  });
});

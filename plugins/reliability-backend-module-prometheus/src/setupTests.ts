// Docker does not run on the machines this project is built on.
process.env.BACKSTAGE_TEST_DISABLE_DOCKER ??= '1';

export {};

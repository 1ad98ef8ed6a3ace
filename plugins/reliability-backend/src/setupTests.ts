// Docker does not run on the machines this project is built on: database
// tests use SQLite, plus every PostgreSQL whose connection string is set in
// BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING (npm test sets it
// for the local server).
process.env.BACKSTAGE_TEST_DISABLE_DOCKER ??= '1';

export {};

export * from './extensionPoint';
export { pgBackRestImporter } from './pgbackrest';
export { resticImporter } from './restic';
export { replayBackupToolOutput } from './replay';

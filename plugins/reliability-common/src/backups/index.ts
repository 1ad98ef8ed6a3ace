export * from './schema';
export * from './compliance';

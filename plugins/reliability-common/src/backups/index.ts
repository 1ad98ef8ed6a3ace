export * from './schema';
export * from './compliance';
export * from './toolRun';
export * from './history';

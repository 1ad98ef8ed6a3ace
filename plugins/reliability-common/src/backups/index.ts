export * from './schema';
export * from './status';
export * from './compliance';
export * from './toolRun';
export * from './history';
export * from './sources';

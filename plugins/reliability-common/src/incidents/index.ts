export * from './schema';
export * from './types';
export * from './classification';
export * from './permissions';
export * from './metrics';
export * from './lifecycle';
export * from './timeline';
export * from './stepStats';

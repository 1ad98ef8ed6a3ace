export * from './objective';
export * from './types';
export { recoveryPlanJsonSchema } from './schema';
export * from './cadence';
export * from './entityStatus';
export * from './violations';

export * from './objective';

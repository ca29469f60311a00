export * from './link-target';
export * from './content-path';

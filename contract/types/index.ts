export type * from './common.types';
export type * from './authorization.types';
export type * from './token.types';
export type * from './resource.types';
export type * from './service.types';
export type * from './lifecycle.types';
export type * from './grant.types';
export type * from './vci.types';

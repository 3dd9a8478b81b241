export * from './roles';
export * from './categories';
export * from './enums';
export * from './request-lifecycle';
export * from './errors';
export * from './limits';
export * from './privacy';
export * from './api';

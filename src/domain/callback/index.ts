export * from './best-time.ts';
export * from './definition.ts';
export * from './validate.ts';
export * from './request.ts';
export * from './expected-call.ts';
export * from './request-id.ts';

export * from './search.module';
export * from './search.service';
export * from './search.inputs';
export { snippetHtml } from './snippet';

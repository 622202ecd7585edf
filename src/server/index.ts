/**
 * The add-on's public surface. Each named export becomes a top-level Apps Script
 * function in build/Code.js (see scripts/build.mjs); nothing else is global.
 * Triggers and menu items are listed here; the sidebar's endpoints in endpoints.ts.
 */
export { onOpen, onInstall, showSidebar, menuRecalculate } from './menu';
export { onFormSubmit } from './submit';
export { runScheduledJobs } from './schedule';
export * from './endpoints';

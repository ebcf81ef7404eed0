export * from './fields';
export * from './schema';
export { Settings, type SettingsOptions } from './settings.svelte';
export { keepInUrl, linkNotices, linkedKeys, linkedValues, loadLink } from './link.svelte';
export * from './url';
export { stepped, type Step } from './step';

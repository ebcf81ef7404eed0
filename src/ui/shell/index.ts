/** What every demo's view is built from: its section, its settings form, its run controls and its results' notes. */
export { default as DemoSection } from './DemoSection.svelte';
export { default as ExportBar } from './ExportBar.svelte';
export { default as NoiseNote } from './NoiseNote.svelte';
export { default as RunControls } from './RunControls.svelte';
export { default as SameResult } from './SameResult.svelte';
export { default as SettingsFields } from '../SettingsFields.svelte';
export { default as Predict } from './Predict.svelte';
export { default as GuessOutcome } from './GuessOutcome.svelte';
export { default as Term } from './Term.svelte';
export { default as TermText } from './TermText.svelte';
export { default as Detail } from './Detail.svelte';
export { default as Results } from './Results.svelte';
export { submitTo } from './submitTo';
export { default as DemoLab } from './DemoLab.svelte';
export { default as LabForm } from './LabForm.svelte';
export { default as LabResults } from './LabResults.svelte';
export type { LabState, ResultState, RunnableState } from './lab';

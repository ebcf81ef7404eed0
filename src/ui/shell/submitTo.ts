/**
 * A form's submit handler that starts `action` instead of navigating. Every demo's controls are a form, so that Enter
 * in a field runs it as the button does.
 */
export const submitTo = (action: () => unknown) => (event: SubmitEvent) => {
  event.preventDefault();
  void action();
};

/**
 * One polite live region for the whole page, outside any component, so that "posted" is still announced after
 * the form that posted it has closed. Failures are shown with role="alert" where they happened (ErrorMessage).
 */
let region: HTMLElement | null = null;

export function announce(message: string): void {
  if (typeof document === 'undefined') return;
  if (!region || !region.isConnected) {
    region = document.createElement('div');
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    region.className = 'visually-hidden';
    region.dataset['testid'] = 'announcer';
    document.body.appendChild(region);
  }
  // Clear first so that the same message twice is announced twice.
  region.textContent = '';
  const target = region;
  window.setTimeout(() => {
    target.textContent = message;
  }, 50);
}

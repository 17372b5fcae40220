// Moves to another of this app's pages without loading the document again, so the tap that
// allowed vibration and the chime still counts there (a booking's page becoming its ticket's).
export function navigate(url: string): void {
  history.pushState(null, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
}

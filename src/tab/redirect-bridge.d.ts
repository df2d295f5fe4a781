// The project resolves modules the node10 way, which cannot see package subpath exports; Vite (the
// bundler) can. This declares the one subpath the tab uses, with MSAL's own signature.
declare module '@azure/msal-browser/redirect-bridge' {
  export function broadcastResponseToMainFrame(): Promise<void>;
}

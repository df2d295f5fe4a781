// MSAL v5's redirect bridge: the browser-fallback popup lands here and hands the answer back to the
// tab. Must be same-origin and served without COOP.
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

void broadcastResponseToMainFrame();

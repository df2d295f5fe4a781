// Entry point of the Teams tab (and of the same app in a plain browser for the local run).
import { createRoot } from 'react-dom/client';
import { App } from './app';

const container = document.getElementById('root');
if (container) createRoot(container).render(<App />);

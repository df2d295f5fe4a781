// Entry point of the Excel task pane (taskpane.html): waits for office.js, then renders.
import { createRoot } from 'react-dom/client';
import { detectExcelHost } from './office-host';
import { browserServices } from './services';
import { TaskPane } from './task-pane';

const container = document.getElementById('root');
if (container) {
  void detectExcelHost().then((host) => createRoot(container).render(<TaskPane host={host} services={browserServices} />));
}

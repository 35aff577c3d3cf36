import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { ProjectGate } from './projects/ProjectGate.js';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ProjectGate>
      <App />
    </ProjectGate>
  </StrictMode>,
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'hashdrop'; // defines every <hashdrop-*> element
import { App } from './App.js';

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

import '@rijkshuisstijl-community/components-css/dist/index.css';
import './app.css';
import '../components/layout.css';
import { createRoot } from 'react-dom/client';
import { loadSession } from '../features/auth/session.ts';
import { authorizeWith } from '../lib/api.ts';
import { RouterProvider } from '../lib/router.tsx';
import { App } from './App.tsx';

/** The professionals' entry: every API call carries the signed-in professional's token. */
authorizeWith(() => loadSession()?.token);

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <RouterProvider>
      <App />
    </RouterProvider>,
  );

import '@rijkshuisstijl-community/components-css/dist/index.css';
import './app.css';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { RouterProvider } from './router.tsx';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <RouterProvider>
      <App />
    </RouterProvider>,
  );

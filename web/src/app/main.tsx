import '@rijkshuisstijl-community/components-css/dist/index.css';
import './app.css';
import '../components/layout.css';
import { lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { Loading } from '../components/ui.tsx';
import { loadSession } from '../features/auth/session.ts';
import { loadResidentSession } from '../features/resident/session.ts';
import { authorizeWith } from '../lib/api.ts';
import { RouterProvider, useRouter } from '../lib/router.tsx';
import { App } from './App.tsx';

/** The residents' screens (`/inwoner/`) load apart: a professional's first load does not carry them, nor a resident's theirs. */
const ResidentApp = lazy(() => import('./ResidentApp.tsx').then((m) => ({ default: m.ResidentApp })));

const isResidentPath = (path: string) => path === '/inwoner' || path.startsWith('/inwoner/');

/** Every API call carries the token of whoever the screen is for: the resident's under `/inwoner/`, else the professional's. */
authorizeWith(() => (isResidentPath(location.pathname) ? loadResidentSession()?.token : loadSession()?.token));

function Root() {
  const { path } = useRouter();
  if (!isResidentPath(path)) return <App />;
  return (
    <Suspense fallback={<Loading />}>
      <ResidentApp />
    </Suspense>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <RouterProvider>
      <Root />
    </RouterProvider>,
  );

import { lazy, Suspense } from 'react';
import { Loading } from './components/load-state.js';
import { Layout } from './components/layout.js';
import { GuideProvider } from './guide/guide-state.js';
import { LocaleProvider } from './i18n/locale-context.js';
import { GuidePage } from './pages/guide.page.js';
import { HomePage } from './pages/home.page.js';
import { NotFoundPage } from './pages/not-found.page.js';
import { WindowDetailPage } from './pages/window-detail.page.js';
import { WindowsPage } from './pages/windows.page.js';
import { matchRoute, usePathname } from './lib/router.js';

// The result page carries the triage rules and the holiday calendar: load them only when needed.
const ResultPage = lazy(() => import('./pages/result.page.js').then((m) => ({ default: m.ResultPage })));
// A saved result is shown with the same sections: load them only when needed too.
const SavedPage = lazy(() => import('./pages/saved.page.js').then((m) => ({ default: m.SavedPage })));

function Routes() {
  const route = matchRoute(usePathname());
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'guide':
      return <GuidePage />;
    case 'result':
      return (
        <Suspense fallback={<Loading />}>
          <ResultPage />
        </Suspense>
      );
    case 'saved':
      return (
        <Suspense fallback={<Loading />}>
          <SavedPage />
        </Suspense>
      );
    case 'windows':
      return <WindowsPage />;
    case 'window':
      return <WindowDetailPage key={route.id} id={route.id} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}

export function App() {
  return (
    <LocaleProvider>
      <GuideProvider>
        <Layout>
          <Routes />
        </Layout>
      </GuideProvider>
    </LocaleProvider>
  );
}

import { lazy, Suspense } from 'react';
import { Loading } from './components/load-state.js';
import { Layout } from './components/layout.js';
import { GuideProvider } from './guide/guide-state.js';
import { LocaleProvider } from './i18n/locale-context.js';
import { GuidePage } from './pages/guide.page.js';
import { HomePage } from './pages/home.page.js';
import { NotFoundPage } from './pages/not-found.page.js';
import { PrivacyPage } from './pages/privacy.page.js';
import { WindowDetailPage } from './pages/window-detail.page.js';
import { WindowsPage } from './pages/windows.page.js';
import { matchRoute, usePathname } from './lib/router.js';

// The result page carries the triage rules and the holiday calendar: load them only when needed.
const ResultPage = lazy(() => import('./pages/result.page.js').then((m) => ({ default: m.ResultPage })));
// A saved result is shown with the same sections: load them only when needed too.
const SavedPage = lazy(() => import('./pages/saved.page.js').then((m) => ({ default: m.SavedPage })));
// The intake pages (consultation form, case page, key reset) load when first opened.
const ConsultPage = lazy(() => import('./pages/consult.page.js').then((m) => ({ default: m.ConsultPage })));
const CasePage = lazy(() => import('./pages/case.page.js').then((m) => ({ default: m.CasePage })));
const CaseResetPage = lazy(() =>
  import('./pages/case-reset.page.js').then((m) => ({ default: m.CaseResetPage })),
);
const CaseDocumentsPage = lazy(() =>
  import('./pages/case-documents.js').then((m) => ({ default: m.CaseDocumentsPage })),
);
// The staff console is a separate chunk with its own layout: the public pages never download it.
const VerifyPage = lazy(() => import('./pages/verify.page.js').then((m) => ({ default: m.VerifyPage })));
// The illustrated capture guide (also linked from the console) loads when first opened.
const EvidenceGuidePage = lazy(() =>
  import('./pages/evidence-guide.page.js').then((m) => ({ default: m.EvidenceGuidePage })),
);
// Post analysis (the engine runs in a Web Worker) loads when first opened.
const AnalyzePage = lazy(() => import('./analysis/analyze.page.js').then((m) => ({ default: m.AnalyzePage })));
const ConsoleApp = lazy(() => import('./console/console-app.js').then((m) => ({ default: m.ConsoleApp })));

// Each lazy page has its own Suspense boundary (keyed): a shared one would keep the previous page,
// hidden, in the DOM while the next one loads, and focus would go to its heading.
function Routes() {
  const route = matchRoute(usePathname());
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'guide':
      return <GuidePage />;
    case 'result':
      return (
        <Suspense key="result" fallback={<Loading />}>
          <ResultPage />
        </Suspense>
      );
    case 'saved':
      return (
        <Suspense key="saved" fallback={<Loading />}>
          <SavedPage />
        </Suspense>
      );
    case 'windows':
      return <WindowsPage />;
    case 'consult':
      return (
        <Suspense key="consult" fallback={<Loading />}>
          <ConsultPage />
        </Suspense>
      );
    case 'case':
      return (
        <Suspense key="case" fallback={<Loading />}>
          <CasePage />
        </Suspense>
      );
    case 'case-documents':
      return (
        <Suspense key="case-documents" fallback={<Loading />}>
          <CaseDocumentsPage />
        </Suspense>
      );
    case 'case-reset':
      return (
        <Suspense key="case-reset" fallback={<Loading />}>
          <CaseResetPage />
        </Suspense>
      );
    case 'privacy':
      return <PrivacyPage />;
    case 'verify':
      return (
        <Suspense key="verify" fallback={<Loading />}>
          <VerifyPage />
        </Suspense>
      );
    case 'evidence-guide':
      return (
        <Suspense key="evidence-guide" fallback={<Loading />}>
          <EvidenceGuidePage />
        </Suspense>
      );
    case 'analyze':
      return (
        <Suspense key="analyze" fallback={<Loading />}>
          <AnalyzePage />
        </Suspense>
      );
    case 'window':
      return <WindowDetailPage key={route.id} id={route.id} />;
    case 'not-found':
    case 'console':
      return <NotFoundPage />;
  }
}

function PublicOrConsole() {
  const route = matchRoute(usePathname());
  if (route.name === 'console')
    return (
      <Suspense key="console" fallback={<Loading />}>
        <ConsoleApp path={route.path} />
      </Suspense>
    );
  return (
    <GuideProvider>
      <Layout>
        <Routes />
      </Layout>
    </GuideProvider>
  );
}

export function App() {
  return (
    <LocaleProvider>
      <PublicOrConsole />
    </LocaleProvider>
  );
}

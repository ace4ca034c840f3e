import { verifyBundleBlob, type BrowserBundleVerdict, type VerifyProgress } from './verify-bundle.js';

/** Messages from the verification worker: progress (at most about ten a second), then one verdict. */
export type VerifyWorkerMessage =
  | { readonly type: 'progress'; readonly progress: VerifyProgress }
  | { readonly type: 'done'; readonly verdict: BrowserBundleVerdict };

/** The worker's own scope, typed without pulling the WebWorker lib into the app's DOM build. */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<File>) => void) | null;
  postMessage(message: VerifyWorkerMessage): void;
};

/*
 * Runs verifyBundleBlob off the page's main thread so the page stays responsive while a large bundle is hashed.
 * The page posts the chosen File (a reference: structured cloning does not read it).
 */
scope.onmessage = (event) => {
  let last = 0;
  const report = (progress: VerifyProgress) => {
    const now = Date.now();
    if (now - last < 100 && progress.filesDone < progress.filesTotal) return;
    last = now;
    scope.postMessage({ type: 'progress', progress });
  };
  void verifyBundleBlob(event.data, report).then(
    (verdict) => scope.postMessage({ type: 'done', verdict }),
    (error: unknown) =>
      scope.postMessage({
        type: 'done',
        verdict: { ok: false, kind: 'unreadable', detail: error instanceof Error ? error.message : String(error) },
      }),
  );
};

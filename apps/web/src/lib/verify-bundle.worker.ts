import { verifyBundleBlob, type BrowserBundleVerdict, type VerifyOptions, type VerifyProgress } from './verify-bundle.js';

/** What the page posts: the chosen File and, optionally, the TSA trust anchors (PEM). */
export interface VerifyWorkerRequest {
  readonly file: File;
  readonly options: VerifyOptions;
}

/** Messages from the verification worker: progress (at most about ten a second), then one verdict. */
export type VerifyWorkerMessage =
  | { readonly type: 'progress'; readonly progress: VerifyProgress }
  | { readonly type: 'done'; readonly verdict: BrowserBundleVerdict };

/** The worker's own scope, typed without pulling the WebWorker lib into the app's DOM build. */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<VerifyWorkerRequest>) => void) | null;
  postMessage(message: VerifyWorkerMessage): void;
};

/*
 * Runs verifyBundleBlob off the page's main thread so the page stays responsive while a large bundle is hashed.
 * The page posts the chosen File (a reference: structured cloning does not read it) and the options.
 */
scope.onmessage = (event) => {
  let last = 0;
  const report = (progress: VerifyProgress) => {
    const now = Date.now();
    if (now - last < 100 && progress.filesDone < progress.filesTotal) return;
    last = now;
    scope.postMessage({ type: 'progress', progress });
  };
  void verifyBundleBlob(event.data.file, report, event.data.options).then(
    (verdict) => scope.postMessage({ type: 'done', verdict }),
    (error: unknown) =>
      scope.postMessage({
        type: 'done',
        verdict: { ok: false, kind: 'unreadable', detail: error instanceof Error ? error.message : String(error) },
      }),
  );
};

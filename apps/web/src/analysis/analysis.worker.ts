import { runAnalysis, type AnalysisProgress, type AnalysisRequest, type AnalysisWorkerMessage } from './analysis-run.js';

/** The worker's own scope, typed without pulling the WebWorker lib into the app's DOM build. */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage(message: AnalysisWorkerMessage): void;
};

/*
 * Runs the analysis off the page's main thread: the posts (pasted text, or the chosen File streamed in chunks) never
 * leave this browser. Progress is posted at most about ten times a second.
 */
scope.onmessage = (event) => {
  let last = 0;
  const report = (progress: AnalysisProgress) => {
    const now = Date.now();
    if (now - last < 100 && progress.done < progress.total) return;
    last = now;
    scope.postMessage({ type: 'progress', progress });
  };
  void runAnalysis(event.data, report).then(
    (result) =>
      scope.postMessage(result.ok ? { type: 'done', outcome: result.outcome } : { type: 'failed', message: result.message }),
    (error: unknown) =>
      scope.postMessage({
        type: 'failed',
        message: {
          ja: `ファイルを読めませんでした（${error instanceof Error ? error.message : String(error)}）。`,
          en: `The file could not be read (${error instanceof Error ? error.message : String(error)}).`,
        },
      }),
  );
};

import type { ConsultationWindow, WindowId } from './window.js';
// @TODO(#2) helper A implements the data.
export const WINDOWS: readonly ConsultationWindow[] = [];
export function getWindow(id: string): ConsultationWindow | undefined {
  return WINDOWS.find((w) => w.id === (id as WindowId));
}

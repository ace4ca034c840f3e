import type { Block, DocumentKind, DocumentModel, DocumentFont } from '../document-model.js';
import type { BuildContext } from './common.js';

/**
 * The model of a built document. When validation found errors, no block is built at all: a document with
 * missing fields is never half-filled, the errors list every missing field instead.
 */
export function finish(
  context: BuildContext,
  head: {
    readonly kind: DocumentKind;
    readonly title: string;
    readonly font: DocumentFont;
    readonly vertical?: boolean;
    readonly redactable?: boolean;
  },
  blocks: () => Block[],
): DocumentModel {
  // Building may itself add errors (e.g. the 内容証明 checker's violations): decide after it.
  const built = context.errors.length === 0 ? blocks() : [];
  return {
    kind: head.kind,
    title: head.title,
    font: head.font,
    vertical: head.vertical ?? false,
    redactable: head.redactable ?? false,
    blocks: context.errors.length === 0 ? built : [],
    annexes: context.errors.length === 0 ? context.annexes : [],
    errors: context.errors,
    warnings: context.warnings,
  };
}

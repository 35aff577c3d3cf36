/**
 * The names of every API method, as a plain list with no schema library behind it, so the
 * renderer's client can be built from it without bundling zod. contract.ts checks at compile
 * time that this list and the contract's keys are the same set.
 */
export const API_METHOD_NAMES = [
  'project.info',
  'documents.list',
  'documents.content',
  'documents.import',
  'documents.rename',
  'documents.deletionImpact',
  'documents.delete',
  'codebook.list',
  'codebook.create',
  'codebook.update',
  'codebook.move',
  'codebook.merge',
  'codebook.deletionImpact',
  'codebook.delete',
  'codebook.find',
  'coders.list',
  'coders.add',
  'coders.setBlind',
  'coders.reveal',
  'codings.forDocument',
  'codings.apply',
  'codings.remove',
  'codings.resize',
  'codings.recode',
  'codings.setMemo',
  'memos.get',
  'memos.set',
  'search.corpus',
  'retrieval.segments',
  'cases.list',
  'history.undo',
  'history.redo',
  'history.state',
] as const;

export type ApiMethodName = (typeof API_METHOD_NAMES)[number];

/**
 * The embedded retrievers by name: the one place that knows every
 * implementation, so the interface (`retriever.ts`) and the implementations
 * never import each other.
 */
import { CompactRetriever } from './compact-retriever.ts';
import { MiniSearchRetriever } from './minisearch-retriever.ts';
import type { RetrieverFactory, RetrieverKind } from './retriever.ts';

/** The embedded retrievers by name. */
export const RETRIEVERS: Record<RetrieverKind, RetrieverFactory> = {
  compact: { build: (docs, options) => CompactRetriever.build(docs, options), load: (s) => CompactRetriever.load(s) },
  minisearch: { build: (docs) => MiniSearchRetriever.build(docs), load: (s) => MiniSearchRetriever.load(s) },
};

/** The retriever used when none is named (figures in README "Speed and scale"). */
export const DEFAULT_RETRIEVER: RetrieverKind = 'compact';

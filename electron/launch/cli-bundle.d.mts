// Types for cli-bundle.mjs (plain JavaScript so that bin.mjs and `npm install` need no TypeScript loader).
export declare const BUNDLE: string;
export declare const ENTRY: string;
export declare const EXTERNAL: string[];
export declare function staleReason(root: string, outfile?: string): string | null;
export declare function isFresh(root: string, outfile?: string): boolean;
export declare function ensureBundle(
  root: string,
  options?: { entry?: string; outfile?: string; force?: boolean; onBuild?: (reason: string) => void },
): Promise<'fresh' | 'built'>;

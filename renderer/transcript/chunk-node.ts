/**
 * A run of consecutive lines (LINES_PER_CHUNK of them) in one block. Chunks carry
 * `content-visibility: auto` (styles.css): the browser lays out and paints only the chunks near
 * the screen, so a 2-hour interview is whole in the page at once and a coding repaints one chunk,
 * not 2,400 lines. Off-screen chunks reserve a height guessed from their text until first shown.
 */
import { $applyNodeReplacement, ElementNode, type LexicalNode, type NodeKey, type SerializedElementNode } from 'lexical';

export const LINES_PER_CHUNK = 40;

/** The height a line of `length` characters is guessed to take before it is laid out. */
export function lineHeightGuess(length: number): number {
  return Math.max(1, Math.ceil(length / 90)) * 1.7;
}

export class ChunkNode extends ElementNode {
  /** Guessed height in em (the sum of its lines' guesses). */
  __guess: number;

  static override getType(): string {
    return 'chunk';
  }

  static override clone(node: ChunkNode): ChunkNode {
    return new ChunkNode(node.__guess, node.__key);
  }

  static override importJSON(): ChunkNode {
    return $createChunkNode(0);
  }

  constructor(guess = 0, key?: NodeKey) {
    super(key);
    this.__guess = guess;
  }

  override exportJSON(): SerializedElementNode {
    return { ...super.exportJSON(), type: 'chunk' };
  }

  override createDOM(): HTMLElement {
    const dom = document.createElement('div');
    dom.className = 'chunk';
    dom.style.setProperty('--guess', `${this.__guess.toFixed(1)}em`);
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }
}

export function $createChunkNode(guess: number): ChunkNode {
  return $applyNodeReplacement(new ChunkNode(guess));
}

export function $isChunkNode(node: LexicalNode | null | undefined): node is ChunkNode {
  return node instanceof ChunkNode;
}

/**
 * One line of the stored text as a paragraph that knows where it starts (data-line), so a
 * selection point on the line itself — an empty line, a line's end, select-all — maps to an
 * offset without guessing from neighbouring pieces.
 */
import { $applyNodeReplacement, ParagraphNode, type EditorConfig, type LexicalNode, type NodeKey, type SerializedParagraphNode, type Spread } from 'lexical';

type SerializedLineNode = Spread<{ start: number; length: number }, SerializedParagraphNode>;

/** The height a placeholder reserves for the lines not built yet, guessed from their length. */
function heightGuess(length: number): string {
  return `${(Math.max(1, Math.ceil(length / 90)) * 1.7).toFixed(1)}em`;
}

export class LineNode extends ParagraphNode {
  __start: number;
  __length: number;
  /** A stand-in for lines not built yet (it reserves their height). */
  __pending: boolean;

  static override getType(): string {
    return 'line';
  }

  static override clone(node: LineNode): LineNode {
    return new LineNode(node.__start, node.__length, node.__pending, node.__key);
  }

  static override importJSON(json: SerializedLineNode): LineNode {
    return $createLineNode(json.start, json.length);
  }

  constructor(start: number, length = 0, pending = false, key?: NodeKey) {
    super(key);
    this.__start = start;
    this.__length = length;
    this.__pending = pending;
  }

  override exportJSON(): SerializedLineNode {
    return { ...super.exportJSON(), type: 'line', start: this.__start, length: this.__length };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.dataset.line = String(this.__start);
    if (this.__pending) {
      dom.dataset.pending = '';
      dom.style.height = heightGuess(this.__length);
    }
    return dom;
  }

  override updateDOM(prev: this, dom: HTMLElement, config: EditorConfig): boolean {
    dom.dataset.line = String(this.__start);
    return super.updateDOM(prev as unknown as ParagraphNode, dom, config);
  }
}

export function $createLineNode(start: number, length = 0, pending = false): LineNode {
  return $applyNodeReplacement(new LineNode(start, length, pending));
}

export function $isLineNode(node: LexicalNode | null | undefined): node is LineNode {
  return node instanceof LineNode;
}

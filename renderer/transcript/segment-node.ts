/**
 * A piece of transcript text that knows where it starts in the stored document (UTF-16
 * offset). The view is read-only; these offsets are how a selection maps back to the text,
 * never getTextContent() (which adds blank lines between paragraphs).
 */
import { $applyNodeReplacement, TextNode, type EditorConfig, type LexicalNode, type NodeKey, type SerializedTextNode, type Spread } from 'lexical';

type SerializedSegmentNode = Spread<{ start: number; codings: string[]; speaker?: boolean }, SerializedTextNode>;

export class SegmentNode extends TextNode {
  __start: number;
  __codings: string[];
  __speaker: boolean;

  static override getType(): string {
    return 'segment';
  }

  static override clone(node: SegmentNode): SegmentNode {
    return new SegmentNode(node.__text, node.__start, node.__codings, node.__speaker, node.__key);
  }

  static override importJSON(json: SerializedSegmentNode): SegmentNode {
    return $createSegmentNode(json.text, json.start, json.codings, json.speaker ?? false);
  }

  constructor(text: string, start: number, codings: string[], speaker = false, key?: NodeKey) {
    super(text, key);
    this.__start = start;
    this.__codings = codings;
    this.__speaker = speaker;
  }

  override exportJSON(): SerializedSegmentNode {
    return { ...super.exportJSON(), type: 'segment', start: this.__start, codings: this.__codings, speaker: this.__speaker };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.dataset.start = String(this.__start);
    if (this.__codings.length) dom.dataset.codings = this.__codings.join(' ');
    if (this.__speaker) dom.dataset.speaker = '';
    return dom;
  }

  override updateDOM(prev: this, dom: HTMLElement, config: EditorConfig): boolean {
    const changed = super.updateDOM(prev, dom, config);
    dom.dataset.start = String(this.__start);
    if (this.__codings.length) dom.dataset.codings = this.__codings.join(' ');
    else delete dom.dataset.codings;
    if (this.__speaker) dom.dataset.speaker = '';
    else delete dom.dataset.speaker;
    return changed;
  }
}

export function $createSegmentNode(text: string, start: number, codings: string[], speaker = false): SegmentNode {
  return $applyNodeReplacement(new SegmentNode(text, start, codings, speaker));
}

export function $isSegmentNode(node: LexicalNode | null | undefined): node is SegmentNode {
  return node instanceof SegmentNode;
}

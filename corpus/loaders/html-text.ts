/** The few DOM members the text walker needs (linkedom and browser nodes both have them). */
export interface WalkNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<WalkNode>;
}

const ELEMENT = 1;
const TEXT = 3;

// Never text: code, styling, embedded objects and form widgets.
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'CANVAS',
  'HEAD', 'TITLE', 'META', 'LINK', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'FORM',
]);

// Elements that start and end a paragraph of their own.
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR',
  'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD',
  'TFOOT', 'TR', 'UL',
]);

type Step = { node: WalkNode; leave: boolean };

/**
 * The visible text of a DOM subtree as paragraphs separated by blank lines. Walks with an explicit
 * stack, so arbitrarily deep markup cannot overflow the call stack. `<br>` is a line break, `<pre>`
 * keeps its lines, other white space collapses.
 */
export function htmlToText(root: WalkNode): string {
  const paragraphs: string[] = [];
  let current = '';
  let preDepth = 0;
  const flush = () => {
    const lines = current.split('\n').map((l) => (preDepth > 0 ? l.replace(/\s+$/, '') : l.replace(/\s+/g, ' ').trim()));
    const text = lines.join('\n').replace(/^\n+|\n+$/g, '');
    if (text.trim()) paragraphs.push(text);
    current = '';
  };
  const stack: Step[] = [{ node: root, leave: false }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const { node } = step;
    const name = node.nodeName.toUpperCase();
    if (step.leave) {
      if (BLOCK.has(name)) flush();
      if (name === 'PRE') preDepth--;
      continue;
    }
    if (node.nodeType === TEXT) {
      const value = node.nodeValue ?? '';
      current += preDepth > 0 ? value : value.replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== ELEMENT && node.nodeType !== 9 && node.nodeType !== 11) continue;
    if (SKIP.has(name)) continue;
    if (name === 'BR') {
      current += '\n';
      continue;
    }
    if (BLOCK.has(name)) flush();
    if (name === 'PRE') preDepth++;
    stack.push({ node, leave: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, leave: false });
  }
  flush();
  return paragraphs.join('\n\n');
}

/** The depth of the deepest element under `root`, counted without recursion; stops at `limit`. */
export function nestingDepth(root: WalkNode, limit: number): number {
  let max = 0;
  const stack: [WalkNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max >= limit) return max;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.nodeType === ELEMENT) stack.push([child, depth + 1]);
    }
  }
  return max;
}

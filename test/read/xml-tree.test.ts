/**
 * The WordprocessingML parser (src/read/docx/xml-tree.ts): the tree it builds is the tree
 * htmlparser2 built in XML mode before it (checked on every part of every .docx fixture and
 * producer twin), and it is as lenient on damaged text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import type { ChildNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { parseTree, parseTreeBytes, type XmlNode } from '../../src/read/docx/xml-tree.js';
import { decodeXml, parseChildrenNamed, parseXml } from '../../src/read/docx/xml.js';
import { fixturePath } from '../helpers.js';

type Plain = string | { name: string; attribs: Record<string, string>; children: Plain[] };

function fromOurs(nodes: XmlNode[]): Plain[] {
  return nodes.map((n) => (n.type === 'text' ? n.data : { name: n.name, attribs: n.attribs, children: fromOurs(n.children) }));
}

/** htmlparser2's DOM in the same shape: text (CDATA included) and elements; the rest dropped. */
function fromHtmlparser2(nodes: ChildNode[]): Plain[] {
  const out: Plain[] = [];
  for (const n of nodes) {
    if (n.type === 'text') {
      if (typeof out[out.length - 1] === 'string') out[out.length - 1] += n.data;
      else out.push(n.data);
    } else if (n.type === 'tag') out.push({ name: n.name, attribs: { ...n.attribs }, children: fromHtmlparser2(n.children) });
  }
  return out;
}

const PACKAGES = [
  ...readdirSync(fixturePath('fixtures/docx')).map((f) => `fixtures/docx/${f}`),
  ...['libreoffice', 'word', 'wps'].flatMap((p) => readdirSync(fixturePath(`test/inputs/producers/${p}`)).map((f) => `test/inputs/producers/${p}/${f}`)),
].filter((f) => f.endsWith('.docx'));

describe('parseTree', () => {
  it.each(PACKAGES)('%s: every word/*.xml part gives the tree htmlparser2 gave', (file) => {
    const parts = unzipSync(readFileSync(fixturePath(file)), { filter: (f) => /^word\/[^/]+\.xml$/u.test(f.name) });
    expect(Object.keys(parts).length).toBeGreaterThanOrEqual(3);
    for (const [name, bytes] of Object.entries(parts)) {
      const text = decodeXml(bytes);
      expect(fromOurs(parseTree(text)), name).toEqual(fromHtmlparser2(parseDocument(text, { xmlMode: true }).children));
    }
  });

  it('decodes the XML entities, numeric references and CDATA; keeps unknown entities; drops comments and instructions', () => {
    const tree = fromOurs(parseTree('<?xml version="1.0"?><!-- note --><a t="x &amp; &#x2265; &#8805;"><b>1 &lt; 2 &gt; 0 &quot;&apos; &nbsp; &#0;</b><![CDATA[<≥5%>]]></a>'));
    expect(tree).toEqual([{ name: 'a', attribs: { t: 'x & ≥ ≥' }, children: [{ name: 'b', attribs: {}, children: ['1 < 2 > 0 "\' &nbsp; \ufffd'] }, '<≥5%>'] }]);
  });

  it('is lenient: a stray closing tag is ignored, a closing tag closes what was opened inside it, what is open at the end is closed', () => {
    expect(fromOurs(parseTree('<r><p><i>x</p></q><s/>y</r>'))).toEqual([
      { name: 'r', attribs: {}, children: [{ name: 'p', attribs: {}, children: [{ name: 'i', attribs: {}, children: ['x'] }] }, { name: 's', attribs: {}, children: [] }, 'y'] },
    ]);
    expect(fromOurs(parseTree('<r><p>cut'))).toEqual([{ name: 'r', attribs: {}, children: [{ name: 'p', attribs: {}, children: ['cut'] }] }]);
    expect(fromOurs(parseTree('<r>a < b <p a="1" a="2" b=\'3\' c=4 d>z</p><q x="1'))).toEqual([
      { name: 'r', attribs: {}, children: ['a < b ', { name: 'p', attribs: { a: '1', b: '3', c: '4', d: '' }, children: ['z'] }] },
    ]);
  });

  it('leaves out the root’s children that skipChild refuses, with all they hold', () => {
    const tree = fromOurs(parseTree('<s><k n="1"><x><k n="3"/></x></k><k n="2">t</k><m/></s>', { skipChild: (el) => el.attribs.n !== '2' }));
    expect(tree).toEqual([{ name: 's', attribs: {}, children: [{ name: 'k', attribs: { n: '2' }, children: ['t'] }] }]);
  });

  it('takes ten thousand levels of nesting without recursion', () => {
    const deep = `${'<a>'.repeat(10000)}x${'</a>'.repeat(10000)}`;
    let node = parseTree(deep)[0];
    let depth = 0;
    while (node && node.type === 'tag') {
      depth++;
      node = node.children[0];
    }
    expect(depth).toBe(10000);
  });
});

/**
 * Pseudo-random numbers (a linear congruential generator): the same damage on every run.
 */
function generator(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x >>> 8;
  };
}

describe('parseTreeBytes', () => {
  // What it must equal: parseTree of the part as the standard decoder (TextDecoder) reads it.
  const expected = (bytes: Uint8Array, skip?: (el: { attribs: Record<string, string> }) => boolean) =>
    fromOurs(parseTree(new TextDecoder('utf-8').decode(bytes), skip ? { skipChild: skip } : {}));
  const ours = (bytes: Uint8Array, skip?: (el: { attribs: Record<string, string> }) => boolean) => fromOurs(parseTreeBytes(bytes, skip ? { skipChild: skip } : {}));

  it.each(PACKAGES)('%s: every XML part gives the tree parseTree gives of its decoded text', (file) => {
    const parts = unzipSync(readFileSync(fixturePath(file)), { filter: (f) => /\.(?:xml|rels)$/u.test(f.name) });
    expect(Object.keys(parts).length).toBeGreaterThanOrEqual(3);
    for (const [name, bytes] of Object.entries(parts)) expect(ours(bytes), name).toEqual(expected(bytes));
  });

  it('CJK in character data, values and names, entities beside it, a byte-order mark, CDATA, a root child skipped', () => {
    const bytes = new Uint8Array(Buffer.from('\ufeff<?xml version="1.0"?><文档 属性="值&amp;≥" b=未引>项目&lt;名称&#x2265;<![CDATA[<≥20次>]]><子 n="2">跳过中</子><子 n="1">留下</子></文档>', 'utf8'));
    expect(ours(bytes, (el) => el.attribs.n === '2')).toEqual([
      { name: '文档', attribs: { 属性: '值&≥', b: '未引' }, children: ['项目<名称≥<≥20次>', { name: '子', attribs: { n: '1' }, children: ['留下'] }] },
    ]);
    expect(ours(bytes, (el) => el.attribs.n === '2')).toEqual(expected(bytes, (el) => el.attribs.n === '2'));
  });

  it('damaged bytes (cut, replaced and inserted anywhere, in sequences too) give what the standard decoder then parseTree give', () => {
    const random = generator(7);
    const seed = readFileSync(fixturePath('fixtures/docx/lunan-kexie-2025.docx'));
    const document = unzipSync(seed, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'] as Uint8Array;
    // Bytes that break UTF-8 in every way: lone continuation bytes, lead bytes with nothing
    // after them, overlong and surrogate forms, bytes that never occur, and markup.
    const breakers = [0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xe0, 0xe4, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x3c, 0x3e, 0x22, 0x26, 0x20];
    let compared = 0;
    for (let round = 0; round < 200; round++) {
      const bytes = Array.from(document.subarray(0, 3000 + (random() % 4000)));
      for (let edit = 0; edit < 12; edit++) {
        const at = random() % bytes.length;
        const byte = breakers[random() % breakers.length] as number;
        if (edit % 3 === 0) bytes.splice(at, 1, byte);
        else if (edit % 3 === 1) bytes.splice(at, 0, byte, breakers[random() % breakers.length] as number);
        else bytes.splice(at, 1 + (random() % 3));
      }
      const damaged = new Uint8Array(bytes);
      expect(ours(damaged), `round ${round}`).toEqual(expected(damaged));
      compared++;
    }
    expect(compared).toBe(200);
  });
});

describe('parseXml', () => {
  const MAIN = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

  it('takes a part that ends in its root’s closing tag and white space of any kind, and refuses one that does not', () => {
    const body = `<w:document xmlns:w="${MAIN}"><w:body><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:body></w:document>`;
    expect(parseXml(utf8(`${body}\n\u3000\u00a0 `), 'word/document.xml').name).toBe('w:document');
    expect(parseXml(utf8(`${body}${' '.repeat(5000)}`), 'word/document.xml').name).toBe('w:document');
    expect(() => parseXml(utf8(`${body}项`), 'word/document.xml')).toThrow('word/document.xml is cut off: it does not end with </w:document>');
    expect(() => parseXml(utf8(body.slice(0, -3)), 'word/document.xml')).toThrow('word/document.xml is cut off: it does not end with </w:document>');
    expect(() => parseXml(utf8('项目'), 'word/document.xml')).toThrow('word/document.xml holds no XML element');
  });
});

describe('parseChildrenNamed', () => {
  const MAIN = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const ids = (root: ReturnType<typeof parseChildrenNamed>) => root.children.map((c) => (c.type === 'tag' ? `${c.name}:${c.attribs['w:styleId']}` : '?'));
  const keepParagraph = (el: { attribs: Record<string, string> }) => Object.entries(el.attribs).some(([k, v]) => k.endsWith('type') && v === 'paragraph');

  it('finds the kept elements by their bytes, under any prefix of the main namespace, and names them w:', () => {
    const styles = (p: string, decl: string) =>
      `<?xml version="1.0"?>\n<${p}styles ${decl}><${p}latentStyles><${p}lsdException ${p}name="x"/></${p}latentStyles><${p}style ${p}type="character" ${p}styleId="C"/><${p}style\n ${p}type="paragraph" ${p}styleId="标题1"><${p}name ${p}val="标题 1"/></${p}style><${p}styles2/><${p}style ${p}type="paragraph" ${p}styleId="B"/></${p}styles>\n`;
    expect(ids(parseChildrenNamed(utf8(styles('w:', `xmlns:w="${MAIN}"`)), 'word/styles.xml', 'style', keepParagraph))).toEqual(['w:style:标题1', 'w:style:B']);
    expect(ids(parseChildrenNamed(utf8(styles('x:', `xmlns:x="${MAIN}"`)), 'word/styles.xml', 'style', keepParagraph))).toEqual(['w:style:标题1', 'w:style:B']);
    expect(ids(parseChildrenNamed(utf8(styles('', `xmlns="${MAIN}"`)), 'word/styles.xml', 'style', keepParagraph))).toEqual(['w:style:标题1', 'w:style:B']);
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(styles('w:', `xmlns:w="${MAIN}"`), 'utf16le'))]);
    expect(ids(parseChildrenNamed(utf16, 'word/styles.xml', 'style', keepParagraph))).toEqual(['w:style:标题1', 'w:style:B']);
  });

  it('refuses a part cut off before its root’s closing tag', () => {
    expect(() => parseChildrenNamed(utf8(`<w:styles xmlns:w="${MAIN}"><w:style w:type="paragraph" w:styleId="A"/>`), 'word/styles.xml', 'style', keepParagraph)).toThrow(
      /word\/styles\.xml is cut off: it does not end with <\/w:styles>/u,
    );
  });
});

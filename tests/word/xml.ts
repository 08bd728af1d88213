import JSZip from 'jszip';

/** The parts of a .docx the tests look at, as XML text. */
export interface DocxParts {
  readonly document: string;
  readonly settings: string;
  readonly styles: string;
  /** Footer XML by relationship target ("footer1.xml"), for footers the section references. */
  readonly footers: Readonly<Record<'default' | 'even', string>>;
}

export async function unzipDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string): Promise<string> => {
    const f = zip.file(path);
    if (!f) throw new Error(`${path} missing from the .docx`);
    return f.async('string');
  };
  const document = await read('word/document.xml');
  const rels = await read('word/_rels/document.xml.rels');
  const target = (type: 'default' | 'even'): string => {
    const ref = new RegExp(
      `<w:footerReference[^>]*w:type="${type}"[^>]*r:id="(rId\\d+)"|<w:footerReference[^>]*r:id="(rId\\d+)"[^>]*w:type="${type}"`,
    ).exec(document);
    const id = ref?.[1] ?? ref?.[2];
    if (!id) throw new Error(`no ${type} footer reference`);
    const rel = new RegExp(
      `<Relationship[^>]*Id="${id}"[^>]*Target="([^"]+)"|<Relationship[^>]*Target="([^"]+)"[^>]*Id="${id}"`,
    ).exec(rels);
    const t = rel?.[1] ?? rel?.[2];
    if (!t) throw new Error(`no relationship ${id}`);
    return `word/${t}`;
  };
  return {
    document,
    settings: await read('word/settings.xml'),
    styles: await read('word/styles.xml'),
    footers: { default: await read(target('default')), even: await read(target('even')) },
  };
}

/** The <w:p> elements of a part, in order. */
export function paragraphs(xml: string): string[] {
  return xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
}

/** The text of an element: its <w:t> contents joined, entities decoded. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1] ?? '')).join('');
}

export function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A paragraph's runs as XML strings. */
export function runs(p: string): string[] {
  return p.match(/<w:r>[\s\S]*?<\/w:r>|<w:r [\s\S]*?<\/w:r>/g) ?? [];
}

/** An attribute of the first element with that tag, e.g. attr(xml, 'w:pgSz', 'w:w'). */
export function attr(xml: string, tag: string, name: string): string | undefined {
  const el = new RegExp(`<${tag}(?=[\\s/>])[^>]*>`).exec(xml)?.[0];
  if (!el) return undefined;
  return new RegExp(`${name}="([^"]*)"`).exec(el)?.[1];
}

/** The rows of every <w:tbl>, each as its cells' text. */
export function tablesOf(xml: string): string[][][] {
  return (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).map((t) =>
    (t.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((r) => (r.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(textOf)),
  );
}

/**
 * 汇总通报.docx: the 通报 in the same 公文 layout as a unit's report, from the same building blocks
 * (src/word/docx.ts): narrative on the 22-line grid, the attached tables in a section of their own.
 */
import { Document, Packer, SectionType } from 'docx';
import { type Bulletin } from '../core/batch/bulletin';
import { blockParagraph, officialStyles, pageNumberFooter, sectionProperties, tableParagraphs } from './docx';

export function buildBulletinDocument(b: Bulletin, creator = '绩效监控助手'): Document {
  const footers = { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
  const tables = b.tables.flatMap((t, i) => tableParagraphs(t, i === 0));
  return new Document({
    creator,
    title: b.title,
    description: '预算执行和绩效运行监控情况通报',
    evenAndOddHeaderAndFooters: true,
    styles: officialStyles(),
    sections: [
      { properties: sectionProperties(true), footers, children: b.blocks.map(blockParagraph) },
      ...(tables.length > 0
        ? [{ properties: { ...sectionProperties(false), type: SectionType.NEXT_PAGE }, footers, children: tables }]
        : []),
    ],
  });
}

export function buildBulletinDocx(b: Bulletin): Promise<Uint8Array> {
  return Packer.pack(buildBulletinDocument(b), 'uint8array');
}

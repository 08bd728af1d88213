/**
 * A folder of ledgers of mixed shapes and units for the batch tests, from the independent corpus
 * (tests/corpus/generate.ts: its expected figures come from its own raw numbers), plus a corrupt
 * file, an encrypted one and a ledger the product must refuse.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { planCorpus, writeCase, type ReportExpect } from '../corpus/generate';

/** Two 临江县市场监督管理局 (yt06, yy01) and two 临江县气象局 (yy02 and its copy): names must be told apart. */
export const READABLE = ['tz01', 'tz02', 'tz05', 'yt01', 'yt06', 'yy01', 'yy02', 'mo01', 'mo02'] as const;
export const REFUSED = 'rf01';

export interface FolderCase {
  readonly file: string;
  readonly expect: ReportExpect;
}

/**
 * What an encrypted .xlsx is on disk: an OLE2 compound file (signature D0 CF 11 E0 A1 B1 1A E1)
 * whose directory names the EncryptionInfo and EncryptedPackage streams. Only the parts a reader
 * looks at are real; nobody can open it without the password anyway.
 */
export function encryptedXlsxBytes(): Uint8Array {
  const out = new Uint8Array(1536);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  out.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00], 0x18);
  const entry = (name: string, at: number) => {
    const utf16 = Buffer.from(name + '\0', 'utf16le');
    out.set(utf16, at);
    out[at + 64] = utf16.length;
  };
  entry('Root Entry', 512);
  entry('EncryptionInfo', 640);
  entry('EncryptedPackage', 768);
  return out;
}

/** Writes the folder; returns the readable cases (with a copy of yy02 under another name) by file. */
export async function writeLedgerFolder(dir: string): Promise<{ readable: FolderCase[]; refused: string[] }> {
  mkdirSync(path.join(dir, '二级单位'), { recursive: true });
  const plans = new Map(planCorpus().map((p) => [p.id, p]));
  const readable: FolderCase[] = [];
  for (const id of READABLE) {
    const c = await writeCase(plans.get(id)!);
    if (c.expect.kind !== 'report') throw new Error(`${id} is not a report case`);
    // Some in a sub-folder, as a 主管部门 keeps its 二级单位.
    const file = id.startsWith('mo') ? path.join('二级单位', `${id}.xlsx`) : `${id}.xlsx`;
    writeFileSync(path.join(dir, file), c.buffer);
    readable.push({ file, expect: c.expect });
    if (id === 'yy02') {
      writeFileSync(path.join(dir, `${id}-副本.xlsx`), c.buffer);
      readable.push({ file: `${id}-副本.xlsx`, expect: c.expect });
    }
  }
  writeFileSync(path.join(dir, `${REFUSED}.xlsx`), (await writeCase(plans.get(REFUSED)!)).buffer);
  writeFileSync(path.join(dir, '损坏的台账.xlsx'), new TextEncoder().encode('这不是一个工作簿'));
  writeFileSync(path.join(dir, '加密台账.xlsx'), encryptedXlsxBytes());
  writeFileSync(path.join(dir, '说明.txt'), '报送说明');
  // An Office lock file and a hidden file are never units.
  writeFileSync(path.join(dir, '~$tz01.xlsx'), 'lock');
  return { readable, refused: [`${REFUSED}.xlsx`, '损坏的台账.xlsx', '加密台账.xlsx'] };
}

/** @jest-environment node */
/**
 * 汇总多个单位 in the browser file mode: the production bundle in Chromium, three ledgers and a broken
 * file picked at once, 汇总.xlsx and 汇总通报.docx downloaded and read back — and no request leaves the page.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { type Download } from 'playwright-core';
import { planCorpus, writeCase, type ReportExpect } from '../corpus/generate';
import { shoot, startSession, type Session } from './harness';

jest.setTimeout(180_000);

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

test('several ledgers picked → 汇总.xlsx and 汇总通报.docx downloaded, built in the page', async () => {
  const page = await session.context.newPage();
  const plans = planCorpus();
  const cases = await Promise.all(['tz03', 'yt02', 'yy03'].map((id) => writeCase(plans.find((p) => p.id === id)!)));
  await page.goto(`${session.origin}/`);
  await page.getByRole('button', { name: '选择多个台账…' }).waitFor();
  await shoot(page, 'batch', '1-start');

  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByLabel('选择多个台账文件').setInputFiles([
    ...cases.map((c) => ({
      name: `${c.id}.xlsx`,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(c.buffer),
    })),
    { name: '坏文件.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip') },
  ]);
  await page.getByRole('status').filter({ hasText: '已汇总3个单位，1个台账未能读取' }).waitFor();
  for (let i = 0; i < 100 && downloads.length < 2; i++) await page.waitForTimeout(100);
  expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual(['汇总.xlsx', '汇总通报.docx']);
  await shoot(page, 'batch', '2-done');

  const byName = new Map(downloads.map((d) => [d.suggestedFilename(), d]));
  const xlsx = await JSZip.loadAsync(readFileSync(await byName.get('汇总.xlsx')!.path()));
  const failures = await xlsx.file('xl/worksheets/sheet3.xml')!.async('string');
  expect(failures).toContain('坏文件.xlsx');
  const units = await xlsx.file('xl/worksheets/sheet1.xml')!.async('string');
  for (const c of cases) expect(units).toContain((c.expect as ReportExpect).organization);
  // The 合计 row: the generator's sums, in 元.
  const budget = cases.reduce((s, c) => s + (c.expect as ReportExpect).total.budget, 0);
  expect(units).toContain(`<v>${budget / 100}</v>`);
  const docx = await JSZip.loadAsync(readFileSync(await byName.get('汇总通报.docx')!.path()));
  expect(await docx.file('word/document.xml')!.async('string')).toContain('纳入汇总的3个单位');
  await page.close();
  expect(session.foreign.splice(0)).toEqual([]);
  expect(session.errors.splice(0)).toEqual([]);
});

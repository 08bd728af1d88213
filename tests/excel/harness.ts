import { FakeExcel, type FakeOptions } from './fake-excel';
import { createExcelHost, type ExcelHost } from '../../src/excel/host';
import { type ExcelEnv } from '../../src/excel/env';
import { ledgerRows, LEDGER_SHEET } from './ledger';

/** The real adapter wired to a fake workbook. */
export function hostOn(excel: FakeExcel): ExcelHost {
  const env: ExcelEnv = {
    run: excel.run as unknown as ExcelEnv['run'],
    isSetSupported: excel.isSetSupported,
    canDownload: true,
  };
  return createExcelHost(env);
}

export function ledgerWorkbook(lines: number, options: FakeOptions = {}): FakeExcel {
  const excel = new FakeExcel(options);
  excel.addSheet(LEDGER_SHEET, ledgerRows(lines));
  return excel;
}

import { HostError, type WorkbookHost } from '../host/types';
import { type ExcelEnv, SyncCounter, officeEnv } from './env';
import { readWorkbook } from './read';
import { OUTPUT_SHEETS } from '../core/constants';
import { parseHostSettings } from '../host/settings';

const SETTINGS_KEY = 'jixiaoJiankong.settings';

/** The lowest requirement set the adapter cannot do without (freezePanes, getRangeByIndexes, chart series). */
export const REQUIRED_SET = { name: 'ExcelApi', version: '1.7' } as const;

export interface ExcelHost extends WorkbookHost {
  /** context.sync round trips so far, for tests, the bench and the console. */
  readonly syncCount: () => number;
}

/**
 * Writing is needed only once the user clicks 生成监控报告 or 清除标注: its code is a separate chunk,
 * which keeps the pane's first JavaScript small (the production build holds it to a gzip budget).
 */
async function loadWrite(): Promise<typeof import('./write')> {
  try {
    return await import('./write');
  } catch (e) {
    throw new HostError('无法加载写入模块（网络中断？）。工作簿未改动，请检查网络后重试。', e);
  }
}

/** The Office host; env defaults to the real Office.js globals. */
export function createExcelHost(env: ExcelEnv = officeEnv()): ExcelHost {
  const counter = new SyncCounter();
  const run = async <T>(what: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    try {
      return await env.run(batch);
    } catch (e) {
      if (e instanceof HostError) throw e;
      throw new HostError(`${what}时 Excel 报错：${errorText(e)}。请关闭正在编辑的单元格（按 Esc）后重试。`, e);
    }
  };
  return {
    kind: 'excel',
    capabilities: { canDownload: env.canDownload, canSelect: true, writesInPlace: true },
    syncCount: () => counter.count,
    readGrid: () => run('读取工作簿', (context) => readWorkbook(context, env, counter)),
    applyPlan: async (plan, onProgress) => {
      const { writePlan } = await loadWrite();
      return run('写入工作簿', (context) => writePlan(context, env, counter, plan, onProgress));
    },
    clearHighlights: async () => {
      const { deleteMarked } = await loadWrite();
      return run('清除标注', async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await counter.sync(context);
        const collections = sheets.items
          .filter((s) => !OUTPUT_SHEETS.includes(s.name))
          .map((s) => {
            const cfs = s.getRange().conditionalFormats;
            cfs.load('items/type,items/customOrNullObject/rule/formula');
            return cfs;
          });
        await counter.sync(context);
        const n = deleteMarked(collections);
        if (n > 0) await counter.sync(context);
        return n;
      });
    },
    selectCell: (sheet, row1, col) =>
      run('定位单元格', async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(col ? `${col}${row1}` : `${row1}:${row1}`).select();
        await counter.sync(context);
      }),
    loadSettings: () =>
      run('读取已保存的选项', async (context) => {
        const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
        item.load('value');
        await counter.sync(context);
        if (item.isNullObject) return null;
        return parseHostSettings(item.value);
      }),
    saveSettings: (settings) =>
      run('保存选项', async (context) => {
        // A JSON string: workbook settings keep strings reliably on every platform.
        context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(settings));
        await counter.sync(context);
      }),
  };
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

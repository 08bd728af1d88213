import { HostError, type WorkbookHost } from '../host/types';
import { type ExcelEnv, type RunOptions, SyncCounter, officeEnv } from './env';
import { readWorkbook } from './read';
import { describeOfficeError } from './errors';
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
  // While the user types in a cell a batch would fail at once: wait until the edit ends instead.
  const run = async <T>(
    what: string,
    batch: (context: Excel.RequestContext) => Promise<T>,
    options: RunOptions = {},
  ): Promise<T> => {
    try {
      return await env.run({ delayForCellEdit: true, ...options }, batch);
    } catch (e) {
      if (e instanceof HostError) throw e;
      throw new HostError(`${what}时出错：${await describeOfficeError(e)}`, e);
    }
  };
  // One Ctrl+Z undoes a whole generation where Excel can group the batches (ExcelApi 1.20).
  const undoGroup = (): RunOptions => (env.isSetSupported('ExcelApi', '1.20') ? { mergeUndoGroup: true } : {});
  return {
    kind: 'excel',
    capabilities: { canDownload: env.canDownload, canSelect: true, writesInPlace: true },
    syncCount: () => counter.count,
    readGrid: () => run('读取工作簿', (context) => readWorkbook(context, env, counter)),
    applyPlan: async (plan, onProgress) => {
      const { writePlan } = await loadWrite();
      return run('写入工作簿', (context) => writePlan(context, env, counter, plan, onProgress), undoGroup());
    },
    clearHighlights: async () => {
      const { clearMarked } = await loadWrite();
      const out = await run('清除标注', (context) => clearMarked(context, env, counter), undoGroup());
      return out.warnings.length > 0 ? out : out.removed;
    },
    selectCell: (sheet, row1, col) =>
      run('定位单元格', async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
        ws.load('visibility');
        await counter.sync(context);
        if (ws.isNullObject) {
          throw new HostError(`找不到工作表“${sheet}”（可能已改名或删除）。请点“重新读取”后再定位。`);
        }
        // Excel cannot show a row of a hidden sheet; unhiding it is the user's choice, not ours.
        if (ws.visibility !== 'Visible') {
          throw new HostError(
            `工作表“${sheet}”是隐藏的，无法定位到第 ${row1} 行。请右键单击任一工作表标签，选“取消隐藏”显示它后再试。`,
          );
        }
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

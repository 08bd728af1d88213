import { officeErrorCode } from './errors';

/**
 * Office's error messages are English and, Microsoft says, not meant for end users: the pane says
 * in Chinese what happened and what to do, chosen by error.code (the codes of Excel.ErrorCodes).
 */
const BY_CODE: Readonly<Record<string, string>> = {
  InvalidOperationInCellEditMode: 'Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。',
  RequestPayloadSizeLimitExceeded:
    '一次要写入的数据超过了 Excel 的请求上限（5 MB）。请删除不需要的工作表或大段空白后重试；如仍失败，请改用桌面版 Excel。',
  ResponsePayloadSizeLimitExceeded:
    '工作簿中要读取的数据超过了 Excel 的上限（5 MB）。请删除不需要的工作表、或把台账复制到新工作簿后重试。',
  InactiveWorkbook:
    '此工作簿已不是当前工作簿（可能已关闭或切换了窗口）。请回到这个工作簿，关闭并重新打开任务窗格后重试。',
  AccessDenied:
    '没有修改此工作簿的权限：它可能是只读的、受保护的，或正由他人编辑。请取消工作簿或工作表的保护（“审阅”选项卡），或另存一份后重试。',
  ItemAlreadyExists: '工作簿中已有同名的工作表或对象。请把它改名或删除后重试。',
  ItemNotFound: '要用到的工作表或对象不见了（可能刚被删除或改名）。请点“重新读取”后重试。',
  InvalidArgument:
    'Excel 不接受要写入的某项内容（可能超出了 Excel 的限制）。请重试；如仍失败，请把工作簿另存后联系技术支持。',
  InvalidOperation: 'Excel 此时不允许这一操作（工作表可能受保护或处于筛选、共享状态）。请取消保护或筛选后重试。',
  InvalidSelection: '无法选中该位置（工作表可能已隐藏）。请显示该工作表后重试。',
  Conflict: '工作簿正被他人同时编辑，发生了冲突。请稍候片刻后重试。',
  EditConflict: '工作簿正被他人同时编辑，发生了冲突。请稍候片刻后重试。',
  ActivityLimitReached: 'Excel 暂时忙不过来（操作过于频繁）。请稍候片刻后重试。',
  ServiceNotAvailable: 'Excel 服务暂时不可用。请稍候片刻后重试。',
  RequestAborted: '请求被中断（网络或 Excel 忙）。请重试。',
  Unauthenticated: '登录已过期。请在 Excel 中重新登录后重试。',
  UnsupportedOperation: '此版本的 Excel 不支持这一操作。请升级 Office，或改用网页版 Excel。',
  ApiNotFound: '此版本的 Excel 不支持这一操作。请升级 Office，或改用网页版 Excel。',
  NotImplemented: '此版本的 Excel 不支持这一操作。请升级 Office，或改用网页版 Excel。',
  UnsupportedSheet: '此类工作表（如图表工作表、宏表）不支持这一操作。',
  FilteredRangeConflict: '工作表处于筛选状态，无法完成。请清除筛选后重试。',
  MergedRangeConflict: '目标区域有合并单元格，无法完成。请取消合并后重试。',
  GeneralException: 'Excel 内部出错。请重试；如仍失败，请保存工作簿、重新打开后再试。',
};

const FALLBACK = 'Excel 报告了一个错误。请重试；如仍失败，请保存工作簿、重新打开后再试。';

/** What to tell the user: the Chinese text for the code, with the code itself for support. */
export function officeErrorText(e: unknown): string {
  const code = officeErrorCode(e);
  // hasOwnProperty, not Object.hasOwn (ES2022): older Mac webviews lack it.
  const text = code && Object.prototype.hasOwnProperty.call(BY_CODE, code) ? BY_CODE[code]! : FALLBACK;
  return code ? `${text}（错误代码：${code}）` : text;
}

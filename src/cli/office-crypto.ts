/**
 * Password-protected workbooks on the command line: officecrypto-tool (MIT; ECMA-376 agile and standard
 * encryption, RC4 for .xls) uses Node's crypto, so it lives here and is loaded only for such a file.
 */
import { type OfficeCrypto, WrongPasswordError } from '../xlsx/open-ledger';

type Tool = typeof import('officecrypto-tool');
let tool: Promise<Tool> | undefined;
const load = (): Promise<Tool> =>
  (tool ??= import('officecrypto-tool').then((m) => ('default' in m ? m.default : m) as Tool));

export const nodeOfficeCrypto: OfficeCrypto = {
  decryptsXls: true,
  async decrypt(bytes, password) {
    const t = await load();
    try {
      return new Uint8Array(await t.decrypt(Buffer.from(bytes), { password }));
    } catch (e) {
      if (e instanceof Error && /password is incorrect/i.test(e.message)) throw new WrongPasswordError(e.message);
      throw e;
    }
  },
  async encrypt(xlsx, password) {
    const t = await load();
    return new Uint8Array(t.encrypt(Buffer.from(xlsx), { password }));
  },
};

/**
 * npm start: serves the add-in on https://localhost:3000 (office-addin-dev-certs) and says how to
 * sideload it. office-addin-debugging is deliberately not a dependency: its keytar needs
 * libsecret-1-dev to build and would break a fresh `npm install` (see docs/ADDIN.md).
 */
import { spawn } from 'node:child_process';

console.log(`
绩效监控助手 — 开发服务器 https://localhost:3000
旁加载（sideload）清单 manifest.xml：
  • 网页版 Excel：开始 → 加载项 → 更多加载项 → 我的加载项 → 上传我的加载项 → 选择 manifest.xml
  • Windows：把 manifest.xml 放到共享文件夹，在 Excel 信任中心 → 受信任的加载项目录 中添加该文件夹
  • Mac：复制 manifest.xml 到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
  详见 docs/ADDIN.md。首次运行会提示安装本机 HTTPS 开发证书。
`);

const child = spawn('npx', ['webpack', 'serve', '--mode', 'development'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));

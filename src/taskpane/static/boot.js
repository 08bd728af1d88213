/*
 * Runs before the bundle, in every webview Office has ever used: plain ES5, no modules, same
 * origin (the page's Content-Security-Policy allows no inline script). Two jobs:
 * 1. In Internet Explorer's Trident (Office 2016/2019 volume-licensed) or the old Edge's EdgeHTML
 *    (Office 2019 retail without WebView2) the ES2020 bundle cannot run: say so, in Chinese, with
 *    the Excel versions that work and the file mode as the way out.
 * 2. Elsewhere, if the bundle has not started after a while (blocked by a proxy, a failed
 *    download), say so instead of leaving a blank or spinning pane.
 * The bundle sets window.__jixiaoStarted when it runs.
 */
(function () {
  'use strict';
  var ua = navigator.userAgent || '';
  var legacy = /Trident\/|MSIE |Edge\/\d/.test(ua);
  // Features the bundle's ES2020 runtime needs; a webview without them cannot run it either.
  var modern =
    typeof Promise !== 'undefined' && typeof Promise.allSettled === 'function' && typeof globalThis !== 'undefined';
  var office = !!document.querySelector('meta[name="jixiao-mode"][content="office"]');
  // The file mode is index.html beside this page, wherever the add-in is hosted.
  var fileUrl = location.href.replace(/[?#].*$/, '').replace(/[^/]*$/, '') + 'index.html';

  function show(title, lines) {
    var root = document.getElementById('root');
    if (!root) return;
    var html = '<main class="boot-message" role="alert"><h1>' + title + '</h1>';
    for (var i = 0; i < lines.length; i++) html += '<p>' + lines[i] + '</p>';
    html += '</main>';
    root.innerHTML = html;
  }

  function showLegacy() {
    if (!office) {
      show('此浏览器无法运行绩效监控助手', ['请用新版 Edge、Chrome、Firefox 或 Safari 打开本页：' + fileUrl]);
      return;
    }
    show('此版本的 Excel 无法运行绩效监控助手', [
      '您的 Excel 使用旧的网页组件（Internet Explorer 或旧版 Edge）显示加载项，无法运行本工具。',
      '可以使用的 Excel：Microsoft 365 的 Excel（Windows 版需安装 WebView2 运行时）、Excel 2021 及更新版本、Mac 版 Excel，以及网页版 Excel（在 Edge、Chrome、Firefox 或 Safari 中打开）。',
      '不升级也能用：在 Edge 或 Chrome 浏览器中打开 <a href="' +
        fileUrl +
        '" target="_blank" rel="noopener">文件模式</a>（' +
        fileUrl +
        '），选择台账 .xlsx 文件，即可生成并下载含“监控汇总”“监控报告”的工作簿。',
    ]);
  }

  if (legacy || !modern) {
    // Set now: deferred scripts (the bundle, if it can run at all) run before DOMContentLoaded.
    window.__jixiaoLegacy = true;
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', showLegacy);
    else showLegacy();
    return;
  }

  // The bundle normally replaces the "正在连接 Excel…" text within a second or two.
  setTimeout(function () {
    if (window.__jixiaoStarted) return;
    show('绩效监控助手未能加载', [
      '任务窗格的程序文件没有下载完成（网络中断，或被代理、防火墙拦截）。',
      '请检查网络后关闭并重新打开任务窗格；如在单位内网使用，请联系管理员确认能访问加载项所在的网址。',
    ]);
  }, 20000);
})();

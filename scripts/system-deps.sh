#!/usr/bin/env bash
# Installs the Debian packages the tests use when they are missing: xmllint (offline manifest
# validation), Chromium and a CJK font (browser tests). Runs before `npm test`, so the README's test command
# works on a fresh machine. Does nothing when everything is there.
set -euo pipefail
need=()
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
[ -x /usr/bin/chromium ] || need+=(chromium)
# Chinese glyphs for the browser tests' layout checks and screenshots (tofu boxes have other widths).
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
echo "安装测试所需的系统软件包：${need[*]}"
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "缺少 ${need[*]}，且没有 root 权限安装。请先运行：sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${need[@]}" >/dev/null

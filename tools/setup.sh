#!/bin/sh
# Make this machine ready to run Taizhang from source: Qt's system libraries (Debian/Ubuntu,
# installed only when missing), then a .venv with the pinned packages.
#   sh tools/setup.sh        the app (also installs CJK fonts so Chinese text shows)
#   sh tools/setup.sh --dev  the app's tests and tools as well, and PyInstaller to build the bundle
#   sh tools/setup.sh --ocr  the app plus the 带识别 extra: OCR for scanned PDFs and photos
#                            (rapidocr-onnxruntime, models inside the wheel; ~250 MB installed)
set -eu
cd "$(dirname "$0")/.."
mode=${1:-app}
case "$mode" in app|--dev|--ocr) ;; *) echo "用法：sh tools/setup.sh [--dev|--ocr]" >&2; exit 2 ;; esac

need=""
if command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  pkgs="libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3 \
libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0 \
libxcb-image0 libxcb-randr0 libxcb-xinerama0 libxrender1 libx11-xcb1"
  [ "$mode" = "--dev" ] || pkgs="$pkgs fonts-noto-cjk"
  # PyInstaller (build.spec) reads the libraries' dependencies with objdump and ldd. The render
  # test prints the exports with LibreOffice and measures the pages with poppler, in the fonts
  # tests/fonts.conf maps 仿宋/黑体/楷体/小标宋 to (about 190 MB of packages, a few minutes).
  if [ "$mode" = "--dev" ]; then
    pkgs="$pkgs binutils libreoffice-writer libreoffice-calc poppler-utils fonts-noto-cjk fonts-arphic-ukai"
    pkgs="$pkgs fonts-crosextra-carlito"  # Calibri's metrics: Excel column widths print as in Excel
  fi
  python3 -c "import ensurepip" >/dev/null 2>&1 || pkgs="$pkgs python3-venv"
  for p in $pkgs; do
    dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"
  done
  if [ -n "$need" ]; then
    echo "安装系统库：$need"
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $need >/dev/null
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
req=requirements.txt
[ "$mode" = "--dev" ] && req=requirements-dev.txt
[ "$mode" = "--ocr" ] && req=requirements-ocr.txt
.venv/bin/python -m pip install -q --disable-pip-version-check -r "$req"

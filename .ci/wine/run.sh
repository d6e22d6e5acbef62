#!/usr/bin/env bash
# tianbiao.exe under Wine 8 (64-bit), as an office PC would run it from a USB stick: every
# command on a copy of the sample in folders with Chinese names and spaces, the PDFs checked with
# poppler as tests/pdf.rs does on Linux, a PDF held open by another program (Wine's share modes),
# Chinese output in a code-page-936 cmd, portable mode, and the window's first frame under Xvfb (saved as $SCREENSHOT when set).
#   .ci/wine/run.sh path/to/tianbiao.exe
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
exe=$(realpath "$1")
wine=/usr/lib/wine/wine64
work=$(mktemp -d /tmp/tianbiao-wine.XXXXXX)
export WINEPREFIX="$work/prefix" WINEARCH=win64 WINEDEBUG=-all LANG=C.UTF-8
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
step() { echo "== $*"; }
# A Unix path as Wine's Z: drive sees it.
winpath() { local p="${1//\//\\}"; printf 'Z:%s' "$p"; }

step "Wine prefix (wineboot; it complains about syswow64\\rundll32.exe and carries on)"
start=$SECONDS
"$wine" wineboot -i >"$work/wineboot.log" 2>&1 || true
# Windows 10's bcryptprimitives.dll, missing in Wine 8 (see bcryptprimitives.c).
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    "$repo/.ci/wine/bcryptprimitives.c"
echo "   $((SECONDS - start)) s"

# The USB stick: the program with tianbiao-data beside it (portable mode).
stick="$work/U盘 填表/填表助手"
mkdir -p "$stick/tianbiao-data"
cp "$exe" "$stick/tianbiao.exe"
place="$work/推荐 材料"
mkdir -p "$place"
sample="$place/样例 草稿"
cp -r "$repo/assets/sample" "$sample"
tb() { "$wine" "$stick/tianbiao.exe" "$@"; }
expect() { # expect CODE COMMAND... : runs it, shows its output, checks the exit code
    local want=$1 code=0
    shift
    "$@" >"$work/out.txt" 2>"$work/err.txt" || code=$?
    sed 's/^/   | /' "$work/out.txt" "$work/err.txt" | head -n 12
    [ "$code" = "$want" ] || fail "exit $code, expected $want: ${*:2}"
}

step "check"
expect 0 tb check "$(winpath "$sample")"
grep -q '郜穗宁：0个错误' "$work/err.txt" || fail "check: no summary line"

step "count"
printf '他于2019年获得国家科技进步奖二等奖。' >"$place/字数 统计.txt"
expect 0 tb count "$(winpath "$place/字数 统计.txt")"
[ "$(head -n 1 "$work/out.txt" | grep -o '^[0-9]*')" = 17 ] || fail "count: expected 17"

step "export"
expect 0 tb export "$(winpath "$sample")" -o "$(winpath "$place/推荐表 郜穗宁.pdf")"
python3 "$repo/.ci/wine/check_pdf.py" "$sample" "$place/推荐表 郜穗宁.pdf" || fail "export: poppler checks"

step "a PDF held open by another program (as WPS or Acrobat hold the PDF they show)"
x86_64-w64-mingw32-gcc -municode -O2 -o "$work/hold.exe" "$repo/.ci/wine/hold.c"
held="$place/推荐表 郜穗宁.pdf"
before=$(sha256sum <"$held")
"$wine" "$work/hold.exe" "$(winpath "$held")" 30 &
holder=$!
sleep 4
code=0
tb export "$(winpath "$sample")" -o "$(winpath "$held")" >"$work/out.txt" 2>"$work/err.txt" || code=$?
sed 's/^/   | /' "$work/err.txt" | head -n 3
[ "$code" -ne 0 ] || fail "held: export reported success over a held file"
grep -q '文件正在被其他程序打开' "$work/err.txt" || fail "held: no 文件正在被其他程序打开 message"
[ "$(sha256sum <"$held")" = "$before" ] || fail "held: the held file was changed"
! ls -a "$place" | grep -q '\.partial$' || fail "held: a temporary file was left behind"
kill "$holder" 2>/dev/null || true
wait "$holder" 2>/dev/null || true

step "summary"
expect 0 tb summary "$(winpath "$sample")" -o "$(winpath "$place/汇总 表.pdf")"
pdftotext "$place/汇总 表.pdf" - | grep -q 郜穗宁 || fail "summary: the name is not in it"
pdffonts "$place/汇总 表.pdf" | grep NotoSerifCJK | grep -q 'yes yes yes' || fail "summary: font"

step "batch"
expect 0 tb batch "$(winpath "$sample")" "$(winpath "$sample")" -o "$(winpath "$place/合订 本.pdf")"
python3 "$repo/.ci/wine/check_pdf.py" "$sample" "$place/合订 本.pdf" || fail "batch: poppler checks"

step "pack (exit 1 when the checklist lists things to fix)"
code=0
tb pack "$(winpath "$sample")" -o "$(winpath "$place/报送 材料")" >"$work/out.txt" 2>&1 || code=$?
sed 's/^/   | /' "$work/out.txt" | head -n 6
[ "$code" -le 1 ] || fail "pack: exit $code"
ls "$place/报送 材料/"*.zip >/dev/null 2>&1 || fail "pack: no zip"
find "$place/报送 材料" -name '材料清单.txt' | grep -q . || fail "pack: no 材料清单.txt"
find "$place/报送 材料" -name '*.pdf' | head -n 1 | grep -q . || fail "pack: no PDF"

step "docx"
expect 0 tb docx "$(winpath "$sample")" -o "$(winpath "$place/推荐表 Word.docx")"
python3 -c 'import sys, zipfile; sys.exit("郜穗宁" not in zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())' \
    "$place/推荐表 Word.docx" || fail "docx: the name is not in word/document.xml"

step "share"
mkdir -p "$place/发送"
expect 0 tb share "$(winpath "$sample")" -o "$(winpath "$place/发送")"
zip=$(find "$place/发送" -name '*推荐材料.zip' | head -n 1)
[ -n "$zip" ] || fail "share: no 姓名-推荐材料.zip"

step "import (portable mode: into tianbiao-data beside the exe), then again: exit 1"
expect 0 tb import "$(winpath "$zip")"
find "$stick/tianbiao-data/drafts" -name draft.json | grep -q . || fail "import: not in tianbiao-data"
expect 1 tb import "$(winpath "$zip")"

step "Chinese output in a code-page-936 cmd (a console: through script's terminal)"
# Plain paths here: quoting Chinese names with spaces through script, sh and cmd would test the
# quoting, not the output.
plain="$work/plain"
mkdir -p "$plain"
cp "$exe" "$plain/tianbiao.exe"
cp -r "$repo/assets/sample" "$plain/sample"
script -qec "$wine cmd /c 'chcp 936 >nul & $(winpath "$plain/tianbiao.exe") check $(winpath "$plain/sample") & echo exit=%errorlevel%'" \
    /dev/null </dev/null >"$work/console.txt" 2>&1 || true
# Without the terminal's cursor codes and carriage returns.
sed -e 's/\x1b\[[?0-9;]*[a-zA-Z]//g' -e 's/\r//g' "$work/console.txt" >"$work/console-text.txt"
sed 's/^/   | /' "$work/console-text.txt" | head -n 6
grep -q '郜穗宁：0个错误' "$work/console-text.txt" || fail "cmd 936: no readable Chinese output"
grep -q 'exit=0' "$work/console-text.txt" || fail "cmd 936: cmd did not wait for the exit code"

"$repo/.ci/wine/window.sh" "$stick/tianbiao.exe" "${SCREENSHOT:-$work/window.png}" || fail "window"

if [ "$failures" -gt 0 ]; then
    echo "$failures Wine check(s) failed; files in $work"
    exit 1
fi
echo "All Wine checks passed ($work)"

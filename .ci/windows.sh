#!/usr/bin/env bash
# The Windows build, cross-compiled on Debian with mingw-w64: one portable tianbiao.exe
# (Windows 10/11 x64) with its icon, version information and manifest, no DLLs beside it.
#   .ci/windows.sh          build target/x86_64-pc-windows-gnu/release/tianbiao.exe
#   .ci/windows.sh wine     then run every command and open the window under Wine (Xvfb)
set -euo pipefail
cd "$(dirname "$0")/.."
target=x86_64-pc-windows-gnu

packages=(mingw-w64 nasm cmake)
if [ "${1:-}" = wine ]; then
    packages+=(wine64 wine xvfb xdotool imagemagick poppler-utils libgl1-mesa-dri)
fi
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get update -qq
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
rustup target add "$target" >/dev/null 2>&1 || true

echo "== cargo build --release --target $target"
start=$SECONDS
cargo build --release --locked --target "$target"
echo "   $(((SECONDS - start) / 60)) min $(((SECONDS - start) % 60)) s"
exe="${CARGO_TARGET_DIR:-target}/$target/release/tianbiao.exe"

echo "== one file: only system DLLs imported"
dlls=$(x86_64-w64-mingw32-objdump -p "$exe" | grep 'DLL Name' | awk '{print $3}' | sort -u)
echo "   $(echo "$dlls" | tr '\n' ' ')"
# mingw's runtime (libgcc_s_seh-1.dll, libwinpthread-1.dll, libstdc++-6.dll) would have to ship.
if echo "$dlls" | grep -qi '^lib'; then
    echo "FAIL: imports a DLL that is not part of Windows"
    exit 1
fi

echo "== size, icon, version and manifest"
size=$(stat -c %s "$exe")
echo "   $exe: $((size / 1024 / 1024)) MB"
[ "$size" -le $((40 * 1024 * 1024)) ] || { echo "FAIL: larger than 40 MB"; exit 1; }
python3 - "$exe" <<'EOF'
import sys
exe = open(sys.argv[1], "rb").read()
needs = {
    "version 填表助手": "填表助手".encode("utf-16-le"),
    "manifest longPathAware": b"<longPathAware",
    "manifest UTF-8 code page": b"<activeCodePage",
    "icon 256 px (PNG)": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00",
}
missing = [name for name, needle in needs.items() if needle not in exe]
print("   " + ("missing: " + ", ".join(missing) if missing else "all embedded"))
sys.exit(1 if missing else 0)
EOF

if [ "${1:-}" = wine ]; then
    SCREENSHOT="${SCREENSHOT:-}" .ci/wine/run.sh "$exe"
fi

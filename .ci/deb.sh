#!/usr/bin/env bash
# The .deb for 统信UOS / 银河麒麟 (Debian-based desktops): build it with cargo-deb, install it
# with dpkg and run the installed /usr/bin/tianbiao on the sample.
#   .ci/deb.sh            build target/debian/tianbiao_*.deb
#   .ci/deb.sh install    then dpkg -i it and check the installed program
# NO_BUILD=1 packages the tianbiao binary already in target/release (cargo deb --no-build).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-deb >/dev/null || cargo install --locked cargo-deb

echo "== cargo deb (release build)"
start=$SECONDS
build=()
[ "${NO_BUILD:-}" != 1 ] || build=(--no-build)
deb=$(cargo deb --locked "${build[@]}" | tail -n 1)
echo "   $deb, $(($(stat -c %s "$deb") / 1024 / 1024)) MB, $((SECONDS - start)) s"
dpkg-deb --info "$deb" | grep -E 'Package|Version|Depends|Installed-Size'
dpkg-deb --contents "$deb" | awk '{print "   " $6}'

if [ "${1:-}" = install ]; then
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    echo "== dpkg -i"
    "${sudo_cmd[@]}" dpkg -i "$deb" || {
        "${sudo_cmd[@]}" apt-get install -y -qq -f
        "${sudo_cmd[@]}" dpkg -i "$deb"
    }
    grep -q '^Name=填表助手' /usr/share/applications/tianbiao.desktop
    test -f /usr/share/icons/hicolor/256x256/apps/tianbiao.png
    echo "== /usr/bin/tianbiao check assets/sample"
    code=0
    /usr/bin/tianbiao check assets/sample || code=$?
    [ "$code" -eq 0 ] || { echo "FAIL: exit $code"; exit 1; }
    echo "== the newest glibc the program needs (the target desktops' glibc must be as new)"
    objdump -T /usr/bin/tianbiao | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n 1
fi

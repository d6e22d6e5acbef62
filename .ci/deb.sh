#!/usr/bin/env bash
# The .deb for 统信UOS / 银河麒麟 (Debian-based desktops): a release build linked against glibc
# 2.28's symbols, packaged with cargo-deb; `install` then installs it with dpkg and runs the
# installed /usr/bin/tianbiao on the sample.
#   .ci/deb.sh            build target/x86_64-unknown-linux-gnu/debian/tianbiao_*.deb
#   .ci/deb.sh install    then dpkg -i it and check the installed program
# NO_BUILD=1 packages the binary already in target/x86_64-unknown-linux-gnu/release.
# PROFILE=dev packages the debug binary `cargo test` left in target/debug instead (CI: checks the
# package, its install and the installed program; the release .deb is built by this script
# without PROFILE before a submission, for its glibc).
#
# Why zig: a program needs the glibc it was linked against or newer, and Debian 12 (where this
# is built) links against 2.36, while 统信UOS 20 has 2.28 and 银河麒麟 V10 2.31. zig (from PyPI)
# links against the symbol versions of a glibc named in the target, here 2.28, and is the C
# compiler of libjpeg-turbo's build too (cargo-zigbuild sets CC and a cmake toolchain file).
set -euo pipefail
cd "$(dirname "$0")/.."

glibc=2.28
target=x86_64-unknown-linux-gnu
target_dir=${CARGO_TARGET_DIR:-target}
command -v cargo-deb >/dev/null || cargo install --locked cargo-deb@3.8.0
profile=${PROFILE:-release}
if [ "$profile" = dev ]; then
    NO_BUILD=1
fi

# zig and cargo-zigbuild from PyPI (pinned: a zig update can change what the build links
# against), in a virtual environment of their own (440 MB) unless they are installed already.
if [ "${NO_BUILD:-}" != 1 ] && ! command -v cargo-zigbuild >/dev/null; then
    venv="$(realpath -m "$target_dir")/zig-venv"
    if [ ! -x "$venv/bin/cargo-zigbuild" ]; then
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet ziglang==0.17.1 cargo-zigbuild==0.24.1
    fi
    export PATH="$venv/bin:$PATH"
fi

if [ "${NO_BUILD:-}" != 1 ]; then
    echo "== cargo zigbuild --release --target $target.$glibc"
    start=$SECONDS
    cargo zigbuild --locked --release --target "$target.$glibc"
    echo "   $((SECONDS - start)) s"
fi
if [ "$profile" = dev ]; then
    echo "== cargo deb --profile dev (the test build's binary: the package, not the glibc, is checked)"
    deb=$(cargo deb --locked --no-build --profile dev --no-strip | tail -n 1)
else
    binary="$target_dir/$target/release/tianbiao"
    newest=$(objdump -T "$binary" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n 1)
    echo "== $binary: $(($(stat -c %s "$binary") / 1024 / 1024)) MB, needs $newest at most"
    [ "$(printf '%s\n' "$newest" "GLIBC_$glibc" | sort -V | tail -n 1)" = "GLIBC_$glibc" ] || {
        echo "FAIL: the program needs $newest, newer than glibc $glibc"
        exit 1
    }
    echo "== cargo deb"
    deb=$(cargo deb --locked --no-build --target "$target" | tail -n 1)
fi
echo "   $deb, $(($(stat -c %s "$deb") / 1024 / 1024)) MB"
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
    echo "== the newest glibc the installed program needs (统信UOS 20 has 2.28, 麒麟 V10 2.31)"
    objdump -T /usr/bin/tianbiao | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n 1
    if [ "$profile" = dev ]; then
        # The test build is no program to leave installed.
        "${sudo_cmd[@]}" dpkg -r tianbiao >/dev/null
    fi
fi

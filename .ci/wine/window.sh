#!/usr/bin/env bash
# Opens tianbiao.exe's window under Wine on a virtual X screen (Xvfb, Mesa's OpenGL) and saves
# a screenshot of the window once it has drawn. Uses the caller's WINEPREFIX.
#   .ci/wine/window.sh path/to/tianbiao.exe OUT.png
set -euo pipefail
exe=$1
out=$2
wine=/usr/lib/wine/wine64
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=
cleanup() {
    [ -z "$app" ] || kill "$app" 2>/dev/null || true
    # Only this prefix's Wine processes (the caller's own WINEPREFIX).
    /usr/lib/wine/wineserver -k 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY=$display
sleep 2

echo "== the window under Wine + Xvfb"
start=$SECONDS
"$wine" "$exe" >/dev/null 2>&1 &
app=$!
# The window appears once eframe has set up OpenGL; then give it a few frames.
for _ in $(seq 60); do
    if xdotool search --name '填表助手' >/dev/null 2>&1; then
        break
    fi
    sleep 1
done
xdotool search --name '填表助手' >/dev/null 2>&1 || { echo "   no window after 60 s"; exit 1; }
echo "   window after $((SECONDS - start)) s"
sleep 5
# The window alone (Xvfb has no window manager, so no frame): the largest one with the title.
window=$(for id in $(xdotool search --name '填表助手'); do
    eval "$(xdotool getwindowgeometry --shell "$id")"
    echo "$((WIDTH * HEIGHT)) $id"
done | sort -n | tail -n 1 | cut -d' ' -f2)
import -window "$window" "$out"
echo "   screenshot: $out"
kill -0 "$app" 2>/dev/null || { echo "   the program has exited"; exit 1; }

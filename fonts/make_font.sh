#!/usr/bin/env bash
# Regenerate fonts/NotoSerifCJKsc-Regular.ttf from Debian's fonts-noto-cjk.
# Subset: Noto Serif CJK SC minus Hangul, without `locl`; outlines: CFF -> TrueType.
# About 2 minutes on 2 cores; the output is byte-for-byte reproducible. Exits non-zero if any coverage check fails.
set -euo pipefail

FONTTOOLS_VERSION=4.68.0
SRC=/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
FACE=2 # JP, KR, SC, TC, HK: SC is the third face (make_font.py checks the name)
HERE=$(cd "$(dirname "$0")" && pwd)
OUT="$HERE/NotoSerifCJKsc-Regular.ttf"
PY=${PYTHON:-python3}

if [ ! -f "$SRC" ]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y fonts-noto-cjk
fi
# The pinned fontTools: another version may subset or convert slightly differently.
if [ "$("$PY" -c 'import fontTools; print(fontTools.version)' 2>/dev/null)" != "$FONTTOOLS_VERSION" ]; then
    "$PY" -m pip --version >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y python3-pip; }
    # Debian's own python3 refuses plain pip installs (PEP 668); retry past that.
    "$PY" -m pip install "fonttools==$FONTTOOLS_VERSION" ||
        "$PY" -m pip install --break-system-packages "fonttools==$FONTTOOLS_VERSION"
fi
echo "source: $SRC ($(dpkg-query -W -f='${Package} ${Version}' fonts-noto-cjk 2>/dev/null || echo 'package version unknown'))"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

"$PY" "$HERE/make_font.py" unicodes "$SRC" "$FACE" "$TMP/unicodes.txt"

"$PY" -m fontTools.subset "$SRC" --font-number="$FACE" \
    --unicodes-file="$TMP/unicodes.txt" \
    --layout-features-=locl \
    --name-IDs='*' --name-languages='*' \
    --output-file="$TMP/subset.otf"
echo "subset (CFF): $(stat -c %s "$TMP/subset.otf") bytes"

"$PY" "$HERE/make_font.py" convert "$TMP/subset.otf" "$TMP/out.ttf"
"$PY" "$HERE/make_font.py" check "$TMP/out.ttf"

mv "$TMP/out.ttf" "$OUT"
echo "wrote $OUT: $(stat -c %s "$OUT") bytes"

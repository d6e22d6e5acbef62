#!/usr/bin/env python3
"""The poppler checks of tests/pdf.rs, for a PDF made elsewhere (by tianbiao.exe under Wine):
every answer of the draft in pdftotext's text, the CJK font embedded as a subset, every image a
JPEG of at least 150 ppi and the ID photo (the first) at 300 dpi.

    check_pdf.py DRAFT_FOLDER FILE.pdf
"""

import json
import subprocess
import sys
from pathlib import Path

# Dates print as 2023年04月20日; the summary-only fields are on the summary table.
SKIPPED = {"fill_date", "birth", "specialty", "honours", "summary_note"}


def poppler(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def squeeze(text):
    return "".join(c for c in text if not c.isspace())


def answer_texts(answer):
    if isinstance(answer, str):
        return [answer]
    if isinstance(answer, list):
        texts = []
        for item in answer:
            if isinstance(item, str):
                texts.append(item)
            elif isinstance(item, dict):
                texts.append(item.get("what") or item.get("caption") or "")
        return texts
    return []


def main(draft_dir, pdf):
    answers = json.loads((Path(draft_dir) / "draft.json").read_text("utf-8"))["answers"]
    text = squeeze(poppler("pdftotext", pdf, "-"))
    # The value column alone (right of the labels, above the footer): continued answers join up.
    values = squeeze(poppler("pdftotext", "-x", "130", "-y", "0", "-W", "470", "-H", "783", pdf, "-"))
    problems = []
    checked = 0
    for field, answer in answers.items():
        if field in SKIPPED:
            continue
        for value in filter(str.strip, answer_texts(answer)):
            checked += 1
            if squeeze(value) not in text and squeeze(value) not in values:
                problems.append(f"{field}: not in the PDF: {value[:40]}")

    fonts = [line for line in poppler("pdffonts", pdf).splitlines() if "NotoSerifCJK" in line]
    for line in fonts:
        columns = line.split()
        if columns[-5:-2] != ["yes", "yes", "yes"] or "+" not in columns[0]:
            problems.append(f"font not embedded as a subset: {line}")
    if not fonts:
        problems.append("no NotoSerifCJK font in pdffonts")

    images = [line.split() for line in poppler("pdfimages", "-list", pdf).splitlines()[2:]]
    for image in images:
        if image[8] != "jpeg" or int(image[12]) < 150:
            problems.append(f"image: {' '.join(image)}")
    if not images or int(images[0][12]) < 295:
        problems.append("the ID photo is not at 300 dpi")

    for problem in problems:
        print(f"  {pdf}: {problem}")
    print(
        f"  {Path(pdf).name}: {checked} answers found, font {fonts[0].split()[0] if fonts else '-'},"
        f" photo {images[0][12] if images else '-'} ppi, {len(images)} images"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))

#!/usr/bin/env python3
"""Makes the PDF and bad-input fixtures of the extract tests.

    pip install reportlab   # and: apt-get install fonts-dejavu-core qpdf
    python3 scripts/make_pdf_fixtures.py

tests/fixtures/pdf/001.pdf and 003.pdf: corpus/001_*.txt and corpus/003_*.txt typeset line by
line (each source line one PDF text line, its spaces kept, so the extractor's repairs meet the
same damage) in DejaVu Sans, embedded as a subset with a ToUnicode map; A4 pages of 56 lines
with a running header and a page-number footer (page furniture the extractor must drop).
Runs of three or more blank lines (the page breaks of the original) are kept as blank lines.

tests/fixtures/bad/: empty.txt, binary.bin, damaged.pdf (001.pdf cut in half), encrypted.pdf
(001.pdf encrypted by qpdf with a user password), kz1048.txt and utf16le.txt / utf16be.txt
(corpus excerpts in those encodings), windows1251.txt (a Russian excerpt), unknown.txt (the
same Russian excerpt in KOI8-R, which is not a code page Kazakh text comes in).
"""
import glob
import os
import subprocess

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
LINES_PER_PAGE = 56


def corpus(prefix):
    (path,) = glob.glob(os.path.join(ROOT, "corpus", prefix + "_*.txt"))
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")


def make_pdf(lines, out, title):
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    c.setTitle(title)
    width, height = A4
    size, leading = 8, 13.5
    pages = [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    for n, page in enumerate(pages, 1):
        c.setFont("DejaVu", 7)
        c.drawString(40, height - 28, "Әділет ақпараттық-құқықтық жүйесі")
        c.drawCentredString(width / 2, 20, f"{n}-бет")
        c.setFont("DejaVu", size)
        y = height - 50
        for line in page:
            if line.strip():
                c.drawString(30, y, line)
            y -= leading
        c.showPage()
    c.save()


def main():
    pdf_dir = os.path.join(ROOT, "tests", "fixtures", "pdf")
    bad = os.path.join(ROOT, "tests", "fixtures", "bad")
    os.makedirs(pdf_dir, exist_ok=True)
    os.makedirs(bad, exist_ok=True)
    for prefix in ["001", "003"]:
        make_pdf(corpus(prefix), os.path.join(pdf_dir, prefix + ".pdf"), prefix)

    with open(os.path.join(bad, "empty.txt"), "wb"):
        pass
    with open(os.path.join(bad, "binary.bin"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with open(os.path.join(pdf_dir, "001.pdf"), "rb") as f:
        pdf = f.read()
    with open(os.path.join(bad, "damaged.pdf"), "wb") as f:
        f.write(pdf[: len(pdf) // 2])
    subprocess.run(
        [
            "qpdf", "--encrypt", "secret", "owner", "256", "--",
            os.path.join(pdf_dir, "001.pdf"), os.path.join(bad, "encrypted.pdf"),
        ],
        check=True,
    )
    excerpt = "\n".join(corpus("004")[14:31]) + "\n"
    with open(os.path.join(bad, "kz1048.txt"), "wb") as f:
        f.write(excerpt.encode("kz1048"))
    with open(os.path.join(bad, "utf16le.txt"), "wb") as f:
        f.write(b"\xff\xfe" + excerpt.encode("utf-16-le"))
    with open(os.path.join(bad, "utf16be.txt"), "wb") as f:
        f.write(excerpt.encode("utf-16-be"))  # no BOM: found by the NUL pattern
    russian = (
        "Приказ Министра внутренних дел Республики Казахстан от 14 июня 2012 года № 352.\n"
        "Об утверждении регламента государственной услуги «Регистрация иностранцев и лиц\n"
        "без гражданства и выдача им разрешений на постоянное проживание».\n"
    )
    with open(os.path.join(bad, "windows1251.txt"), "wb") as f:
        f.write(russian.encode("cp1251"))
    with open(os.path.join(bad, "unknown.txt"), "wb") as f:
        f.write(russian.replace("№", "N").replace("«", "\"").replace("»", "\"").encode("koi8_r"))


if __name__ == "__main__":
    main()

"""What each LibreOffice start costs when PDFs are made in several runs.

:func:`pitchkit.output.pdf.convert_to_pdf` gives one LibreOffice run at
most ``per_run`` documents (:data:`~pitchkit.output.pdf.PER_RUN`, 200,
because LibreOffice leaves out what lies past its 253rd argument). This
converts the same N one-paragraph documents with each ``per_run`` given,
the ways alternating, and prints the seconds each took, so that the cost of
a start can be read off: (seconds with k runs - seconds with 1) / (k - 1).
Run from the project root::

    PYTHONPATH=src .venv/bin/python benchmarks/pdf_runs.py --documents 40 --per-run 40,10
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import docx

from pitchkit.output.pdf import convert_to_pdf


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=40)
    parser.add_argument("--per-run", default="40,10", help="comma-separated sizes to compare")
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    sizes = [int(size) for size in args.per_run.split(",")]
    with tempfile.TemporaryDirectory(prefix="pitchkit-bench-") as work:
        folder = Path(work)
        note = docx.Document()
        note.add_paragraph("A one-paragraph note")
        note.save(str(folder / "note.docx"))
        data = (folder / "note.docx").read_bytes()
        docs = []
        for index in range(args.documents):
            docs.append(folder / f"note-{index}.docx")
            docs[-1].write_bytes(data)
        for repeat in range(args.repeats):
            for size in sizes:
                out = folder / f"pdfs-{repeat}-{size}"
                start = time.perf_counter()
                results = convert_to_pdf(docs, out_dir=out, per_run=size, timeout=3600)
                seconds = time.perf_counter() - start
                made = sum(result.ok for result in results)
                runs = -(-args.documents // size)
                print(
                    f"{args.documents} documents, {size} per run ({runs} runs): "
                    f"{seconds:.1f} s, {made} PDFs"
                )


if __name__ == "__main__":
    main()

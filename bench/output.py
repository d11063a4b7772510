"""The results: one table on stdout and the same rows as JSON."""

import json
import os
import platform
from datetime import UTC, datetime

COLUMNS = ("section", "measurement", "value", "baseline", "ratio", "target", "met", "status")


def _number(value):
    if value is None:
        return "-"
    return f"{value:.0f}" if abs(value) >= 100 else f"{value:.3g}"


def _cells(row):
    value = f"{_number(row.value)} {row.unit}" if row.value is not None else "-"
    baseline = f"{row.baseline_name}: {_number(row.baseline)}" if row.baseline_name else "-"
    if row.baseline_name and row.baseline is None:
        baseline = row.baseline_name
    ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
    met = {True: "yes", False: "NO", None: "-"}[row.met]
    return (row.section, row.name, value, baseline, ratio, row.target or "-", met, row.status)


def table(rows):
    lines = [COLUMNS, *(_cells(row) for row in rows)]
    widths = [max(len(line[index]) for line in lines) for index in range(len(COLUMNS))]
    text = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    ]
    text.insert(1, "  ".join("-" * width for width in widths))
    notes = [f"  {row.section} / {row.name}: {row.note}" for row in rows if row.note]
    return "\n".join(text + (["\nNotes:", *notes] if notes else []))


def write_json(path, rows, options, command):
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": command,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "system": platform.platform(),
        },
        "options": {name: value for name, value in vars(options).items() if name != "json"},
        "rows": [row.as_dict() for row in rows],
    }
    path.write_text(json.dumps(document, indent=2, default=str) + "\n")

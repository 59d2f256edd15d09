"""Record `politikbase demo` as an SVG terminal picture for the README.

Usage: python scripts/screenshot_demo.py DATA_DIR OUT.svg
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from rich.console import Console

from politikbase import cli


def main() -> None:
    data_dir, out = Path(sys.argv[1]), Path(sys.argv[2])
    cli.console = Console(record=True, width=120, force_terminal=True, file=io.StringIO())
    service = cli.Service(data_dir)
    cli.console.print("[bold]$ politikbase search 'politik for handicappede' --limit 3[/bold]")
    cli._print_results(service.search("politik for handicappede", limit=3))
    cli.console.print()
    cli.console.print("[bold]$ politikbase list --municipality 'Fjordby Kommune'[/bold]")
    cli.list_documents(data_dir=data_dir, municipality="Fjordby Kommune")
    cli.console.save_svg(str(out), title="politikbase")


if __name__ == "__main__":
    main()

"""`realpolitik` CLI with the fake coder (for resume tests): python -m tests.scale.fake_cli ..."""

from __future__ import annotations

from realpolitik import runner
from realpolitik.cli import main
from tests.scale.fakes import FakeCoder

if __name__ == "__main__":
    runner.load_coder = FakeCoder.load  # workers unpickle FakeCoder.load from this package
    main()

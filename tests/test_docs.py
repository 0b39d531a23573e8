"""The README stays true: its API example runs, its commands exist, and every command is documented."""

import re
from pathlib import Path

from conflictkg.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_api_example_runs(tmp_path, monkeypatch):
    block = re.search(r"```python\n(.*?)```", README, re.S).group(1)
    monkeypatch.chdir(tmp_path)
    exec(compile(block, "README.md", "exec"), {})
    assert (tmp_path / "graph.trig").stat().st_size > 0
    assert (tmp_path / "graph.html").stat().st_size > 0


def test_quick_start_is_exactly_make_demo_and_make_test():
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = [line.split("#")[0].strip() for line in re.search(r"```sh\n(.*?)```", quick, re.S).group(1).splitlines()]
    assert commands == ["make demo", "make test"]


def test_every_command_is_in_the_readme():
    for name in cli.commands:
        assert f"`conflictkg {name}" in README, name

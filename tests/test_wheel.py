"""The wheel ships every data file under conflictkg/ only, and works from outside the checkout."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(out), str(ROOT)], check=True, cwd=out)
    return next(out.glob("conflictkg-*.whl"))


def test_wheel_contains_every_data_file_and_nothing_at_top_level(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    tops = {n.split("/", 1)[0] for n in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"conflictkg"}
    expected = {f"conflictkg/ontology/{p.relative_to(ROOT / 'ontology').as_posix()}"
                for p in (ROOT / "ontology").rglob("*.ttl")}
    expected |= {f"conflictkg/queries/{p.name}" for p in (ROOT / "queries").glob("*.rq")}
    expected |= {f"conflictkg/samples/{p.name}" for p in (ROOT / "conflictkg" / "samples").glob("*.txt")}
    expected |= {"conflictkg/graph/assets/viewer.html", "conflictkg/extract/lang/ar.py", "conflictkg/cli.py"}
    assert expected <= names, sorted(expected - names)
    assert len([n for n in names if n.endswith(".rq")]) >= 12


def test_installed_wheel_builds_the_samples_outside_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True)
    env = dict(os.environ, PYTHONPATH=str(target))
    work = tmp_path / "elsewhere"
    work.mkdir()
    where = subprocess.run([sys.executable, "-c", "import conflictkg; print(conflictkg.__file__)"], cwd=work,
                           env=env, capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(target)), where
    result = subprocess.run([sys.executable, "-m", "conflictkg", "build", "--store", "s", "--out", "g.trig"],
                            cwd=work, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (work / "g.trig").stat().st_size > 1000

"""A student's own notebooks: copied once, never overwritten, no solutions."""

import shutil

from socialtjanst.arbetsbok import prepare
from socialtjanst.cli import main

from .conftest import ROOT


def test_arbetsbok_copies_the_notebooks_once_and_never_overwrites(tmp_path, capsys):
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    assert main(["arbetsbok", "--root", str(tmp_path), "--no-start"]) == 0
    names = sorted(p.name for p in (tmp_path / "arbetsbok").iterdir())
    assert names == sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert not any("losningar" in n for n in names), "the solutions are not handed out"
    own = tmp_path / "arbetsbok" / names[0]
    own.write_text("mitt eget arbete", encoding="utf-8")
    (tmp_path / "arbetsbok" / names[1]).unlink()
    copied, kept = prepare(tmp_path)
    assert [p.name for p in copied] == [names[1]]
    assert own.read_text(encoding="utf-8") == "mitt eget arbete"
    assert len(kept) == len(names) - 1


def test_arbetsbok_outside_the_project_says_where_to_run_it(tmp_path, capsys):
    assert main(["arbetsbok", "--root", str(tmp_path), "--no-start"]) == 2
    assert "projektmappen" in capsys.readouterr().err

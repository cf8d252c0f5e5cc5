import subprocess
import sys

import pytest

from langforge.cli import build_parser, main


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "langforge.cli", *args], capture_output=True,
                          text=True, timeout=120)


def test_unknown_language_exits_2_with_one_clear_line():
    result = run_cli("language", "xx")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "unknown language 'xx'" in lines[0] and "swh_Latn" in lines[0]


def test_usage_error_exits_2():
    with pytest.raises(SystemExit) as exc:
        main(["language"])
    assert exc.value.code == 2


def test_languages_lists_configured_with_tool_labels(capsys):
    assert main(["languages"]) == 0
    out = capsys.readouterr().out
    assert "swh_Latn" in out and "Swahili" in out and "eng_Latn" in out


@pytest.mark.parametrize("command", [[], ["language"], ["languages"], ["scheduler"], ["models", "list"],
                                     ["models", "fetch"]])
def test_every_help_explains_itself(command, capsys):
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args([*command, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "usage: langforge" in out and len(out.splitlines()) > 3


def test_closed_pipe_ends_quietly():
    """`langforge languages | head -1`: no traceback when the reader goes away."""
    proc = subprocess.Popen([sys.executable, "-m", "langforge.cli", "languages"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err


def test_main_does_not_change_signal_handling():
    import signal

    before = signal.getsignal(signal.SIGPIPE)
    main(["languages"])
    assert signal.getsignal(signal.SIGPIPE) == before

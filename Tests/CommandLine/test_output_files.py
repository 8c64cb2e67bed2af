"""Output paths that are not plain files: `--out /dev/stdout` or a named pipe must be written
through, not replaced by a file renamed over them (which, run as root on /dev/null, would leave
the machine without a /dev/null)."""
import os
import subprocess
import threading

from test_link_explain import BINARY, write_files


def test_links_written_to_a_pipe_go_through_it_and_leave_it_a_pipe(tmp_path):
    write_files(tmp_path, people=50)
    pipe = tmp_path / "links.pipe"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text()), daemon=True)
    reader.start()
    result = subprocess.run(
        [BINARY, "link", "--left", str(tmp_path / "left.csv"), "--right", str(tmp_path / "right.csv"),
         "--out", str(pipe)], capture_output=True, text=True, timeout=120)
    reader.join(timeout=20)
    assert result.returncode == 0, result.stderr
    assert received and received[0].startswith("left_id,right_id,match_weight,match_probability\n")
    assert len(received[0].splitlines()) > 40, "the links came through the pipe"
    assert os.path.exists(pipe) and not os.path.isfile(pipe), "still a pipe, not a file renamed over it"


def test_links_written_through_a_link_to_a_file_keep_the_link(tmp_path):
    write_files(tmp_path, people=50)
    target = tmp_path / "links-target.csv"
    target.write_text("old\n")
    link = tmp_path / "links.csv"
    link.symlink_to(target)
    result = subprocess.run(
        [BINARY, "link", "--left", str(tmp_path / "left.csv"), "--right", str(tmp_path / "right.csv"),
         "--out", str(link)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink(), "the link is kept"
    assert target.read_text().startswith("left_id,right_id,match_weight,match_probability\n")

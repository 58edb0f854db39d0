"""The review's scheduling rule and number checks (assets/js/review-core.js), run under node's
built-in test runner (tests/ext/review-core.test.js); a failing JS test fails this one."""

import shutil
import subprocess
from pathlib import Path

TESTS = Path(__file__).with_name("review-core.test.js")


def test_review_core_passes_its_node_tests():
    node = shutil.which("node")
    assert node, "node not found: install Node.js 20 (apt-get install -y nodejs)"
    result = subprocess.run([node, "--test", str(TESTS)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
